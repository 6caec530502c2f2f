/// One line of styled text: a sequence of ``Span``s. Never contains a line break; a `\n`
/// inside would be drawn as `^J`.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The runs, left to right.
    public var spans: [Span]

    /// A line of several styled runs.
    public init(spans: [Span]) { self.spans = spans }

    /// A line in a single style.
    public init(_ text: String, style: Style = .plain) { self.spans = [Span(text, style: style)] }

    public init(stringLiteral value: String) { self.init(value) }

    /// Display width in columns.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// Calls `body` with each cell-sized piece (symbol, width 1 or 2, style); stops when it
    /// returns `false`.
    @discardableResult
    public func forEachCell(_ body: (String, Int, Style) -> Bool) -> Bool {
        for span in spans {
            let style = span.style
            if PrintableASCII.contains(only: span.text) {
                // Grapheme breaking dominates the cost of huge lines; ASCII needs none.
                for b in span.text.utf8 where !body(Line.asciiSymbols[Int(b) - 0x20], 1, style) {
                    return false
                }
            } else if !DisplayWidth.forEachCell(in: span.text, { body($0, $1, style) }) {
                return false
            }
        }
        return true
    }

    /// The width when every span is printable ASCII (one column per byte), else `nil`.
    var asciiWidth: Int? {
        var n = 0
        for span in spans {
            guard PrintableASCII.contains(only: span.text) else { return nil }
            n += span.text.utf8.count
        }
        return n
    }

    static let asciiSymbols: [String] = (0x20..<0x7F).map { String(Unicode.Scalar(UInt8($0))) }

    /// Number of rows the line takes when wrapped at `width` columns (at least 1). Walks the
    /// whole line, so call it only for lines near the visible window.
    public func wrappedRowCount(width: Int) -> Int {
        let width = max(1, width)
        if let n = asciiWidth { return max(1, (n + width - 1) / width) }
        var rows = 1
        forEachWrappedCell(width: width) { row, _, _, _, _ in rows = row + 1; return true }
        return rows
    }

    /// Character-wraps the line at `width` and calls `body(row, column, symbol, width, style)`
    /// for each cell piece from row `fromRow` on; a wide grapheme that would straddle the edge
    /// moves to the next row. Stops when `body` returns `false`.
    @discardableResult
    public func forEachWrappedCell(
        width: Int, fromRow: Int = 0, _ body: (Int, Int, String, Int, Style) -> Bool
    ) -> Bool {
        let width = max(1, width)
        if fromRow > 0, asciiWidth != nil {
            // Every row of an ASCII line is exactly `width` bytes, so jump straight to the row.
            var skip = fromRow * width
            var index = skip
            for span in spans {
                let count = span.text.utf8.count
                if skip >= count {
                    skip -= count
                    continue
                }
                for b in span.text.utf8.dropFirst(skip) {
                    if !body(index / width, index % width, Line.asciiSymbols[Int(b) - 0x20], 1, span.style) {
                        return false
                    }
                    index += 1
                }
                skip = 0
            }
            return true
        }
        var row = 0, col = 0
        return forEachCell { symbol, w, style in
            var symbol = symbol, w = w
            if w > width {  // a wide grapheme can never fit a one-column view
                symbol = " "
                w = 1
            }
            if col + w > width {
                row += 1
                col = 0
            }
            defer { col += w }
            return row < fromRow || body(row, col, symbol, w, style)
        }
    }
}
