#if canImport(Glibc)
import Glibc
#endif

/// A value-type grid of styled ``Cell``s that a whole frame is drawn into (ratatui's
/// `Buffer`). Views draw into it; the curses backend puts only ``diff(from:)`` on screen; tests
/// compare ``rows``.
///
/// Drawing clips silently at the edges. Wide graphemes take a lead cell plus a continuation
/// cell, and overwriting either half of one blanks the other half, so no half-character is
/// ever left behind.
public struct Canvas: Hashable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells in row-major order.
    public private(set) var cells: [Cell]

    /// A canvas of `width`×`height` blank cells in `style`.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    /// A canvas of `size` blank cells.
    public init(size: Size, style: Style = .plain) {
        self.init(width: size.width, height: size.height, style: style)
    }

    /// The canvas size.
    public var size: Size { Size(width: width, height: height) }

    /// The whole canvas as a rect at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`; a blank cell outside the canvas.
    public subscript(x: Int, y: Int) -> Cell {
        guard inBounds(x, y) else { return .blank() }
        return cells[y * width + x]
    }

    // MARK: - Drawing

    /// Writes one grapheme (`width` 1 or 2) at (`x`, `y`), cleaning up any wide grapheme it
    /// overlaps. A wide grapheme that does not fit before the right edge becomes a blank.
    public mutating func set(_ symbol: String, width: Int = 1, x: Int, y: Int, style: Style) {
        guard inBounds(x, y) else { return }
        var symbol = symbol, w = width == 2 ? 2 : 1
        if !Canvas.isSafe(symbol) {
            // Last line of defence: text normally arrives through `put`, which escapes
            // controls, but nothing written here may ever reach the terminal as a control.
            symbol = "\u{FFFD}"
            w = 1
        }
        if w == 2 && x + 1 >= self.width {
            symbol = " "
            w = 1
        }
        let i = y * self.width + x
        breakWide(at: i, x: x)
        if w == 2 { breakWide(at: i + 1, x: x + 1) }
        cells[i] = Cell(symbol, width: w, style: style)
        if w == 2 { cells[i + 1] = .continuation(style) }
    }

    /// Writes `text` on row `y` from column `x` in `style`, using at most `clipWidth` columns
    /// (and never past the right edge). Control characters appear as visible escapes.
    /// Returns the columns used; a wide grapheme that would not fit entirely is left out.
    @discardableResult
    public mutating func put<S: StringProtocol>(
        _ text: S, at x: Int, _ y: Int, style: Style = .plain, clipWidth: Int? = nil
    ) -> Int {
        put(Line(spans: [Span(String(text), style: style)]), at: x, y, clipWidth: clipWidth)
    }

    /// Writes a styled line on row `y` from column `x`, skipping its first `skipColumns`
    /// columns (horizontal scrolling). A wide grapheme cut by the skip shows as a blank.
    /// Returns the columns used.
    @discardableResult
    public mutating func put(
        _ line: Line, at x: Int, _ y: Int, clipWidth: Int? = nil, skipColumns: Int = 0
    ) -> Int {
        guard y >= 0 && y < height else { return 0 }
        let limit = min(clipWidth ?? Int.max, width - x)
        guard limit > 0 else { return 0 }
        if x >= 0, let columns = line.asciiWidth {
            return putASCII(line, at: x, y, count: min(limit, max(0, columns - skipColumns)), skipColumns: skipColumns)
        }
        var source = 0  // column within the line
        var used = 0    // columns written from x
        line.forEachCell { symbol, w, style in
            defer { source += w }
            if source + w <= skipColumns { return true }
            if x + used < 0 {
                // Left of the canvas: clipped, but a wide grapheme reaching column 0 leaves a blank.
                if x + used + w > 0 { set(" ", x: 0, y: y, style: style) }
                used += w
                return used < limit
            }
            if source < skipColumns {
                // Right half of a wide grapheme scrolled past the left edge.
                guard used < limit else { return false }
                set(" ", x: x + used, y: y, style: style)
                used += 1
                return true
            }
            guard used + w <= limit else { return false }
            set(symbol, width: w, x: x + used, y: y, style: style)
            used += w
            return true
        }
        return used
    }

    /// Blanks every cell of `rect` (clipped to the canvas) in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        fillRows(rect.intersection(bounds), with: .blank(style))
    }

    /// Repeats `symbol` (one column wide) across `rect`, e.g. a horizontal rule.
    public mutating func fill(_ rect: Rect, symbol: String, style: Style) {
        fillRows(rect.intersection(bounds), with: Cell(Canvas.isSafe(symbol) ? symbol : "\u{FFFD}", style: style))
    }

    /// Restyles every cell of `rect` keeping its text (selection bars, cursor).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
            for x in r.x..<r.right { cells[y * width + x].style = style }
        }
        // Keep both halves of a wide grapheme cut by the rect's edges in one style.
        for y in r.y..<r.bottom {
            if r.x > 0, cells[y * width + r.x].isContinuation {
                cells[y * width + r.x - 1].style = style
            }
            if r.right < width, cells[y * width + r.right].isContinuation {
                cells[y * width + r.right].style = cells[y * width + r.right - 1].style
            }
        }
    }

    /// Adds `attributes` to every cell of `rect`, keeping text and colours.
    public mutating func addAttributes(_ attributes: TextAttributes, in rect: Rect) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
            for x in r.x..<r.right { cells[y * width + x].style.attributes.formUnion(attributes) }
        }
    }

    /// Puts `region` (the cells of a `rect`-sized area, row by row, as ``cells(in:)`` gives
    /// them) back at `rect`, which lies inside the canvas.
    public mutating func paste(_ region: [Cell], in rect: Rect) {
        guard !rect.isEmpty, rect == rect.intersection(bounds), region.count == rect.width * rect.height else { return }
        for y in rect.y..<rect.bottom {
            let start = y * width + rect.x
            // As when drawing: a wide grapheme reaching in from outside must not be left half.
            breakWide(at: start, x: rect.x)
            breakWide(at: start + rect.width - 1, x: rect.right - 1)
            let from = (y - rect.y) * rect.width
            cells.replaceSubrange(start..<start + rect.width, with: region[from..<from + rect.width])
        }
    }

    // MARK: - Reading

    /// The cells of `rect` (clipped to the canvas), row by row.
    public func cells(in rect: Rect) -> [Cell] {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return [] }
        var out: [Cell] = []
        out.reserveCapacity(r.width * r.height)
        for y in r.y..<r.bottom { out.append(contentsOf: cells[(y * width + r.x)..<(y * width + r.right)]) }
        return out
    }

    /// The text of row `y`; continuation cells contribute nothing.
    public func row(_ y: Int) -> String {
        guard y >= 0 && y < height else { return "" }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(width)
        for cell in cells[(y * width)..<((y + 1) * width)] where !cell.isContinuation {
            for i in 0..<cell.glyph.count { utf8.append(cell.glyph[i]) }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The text of every row, top to bottom (for tests and snapshots).
    public var rows: [String] { (0..<height).map(row) }

    /// The rows joined by newlines.
    public var text: String { rows.joined(separator: "\n") }

    /// The cells that differ from `previous`, in reading order. Continuation cells are never
    /// listed: drawing a wide lead covers them. When the sizes differ every cell is listed,
    /// since the screen must be redrawn anyway.
    public func diff(from previous: Canvas) -> [CellChange] {
        let sameSize = previous.width == width && previous.height == height
        var changes: [CellChange] = []
        cells.withUnsafeBufferPointer { now in
            previous.cells.withUnsafeBufferPointer { before in
                for y in 0..<height {
                    let row = y * width
                    // Most rows of a frame are as they were: equal bytes are equal cells, so one
                    // memcmp passes them (unequal bytes, padding included, fall to the cells).
                    if sameSize && width > 0 && memcmp(now.baseAddress! + row, before.baseAddress! + row,
                                          width * MemoryLayout<Cell>.stride) == 0 { continue }
                    for x in 0..<width {
                        let cell = now[row + x]
                        if cell.isContinuation { continue }
                        // Comparing cells is enough for wide graphemes too: a half that was
                        // overwritten or blanked is itself a changed cell, because `set` never
                        // leaves one dangling.
                        if sameSize && before[row + x] == cell { continue }
                        changes.append(CellChange(x: x, y: y, cell: cell))
                    }
                }
            }
        }
        return changes
    }

    // MARK: - Private

    /// Writes `count` cells of an all-ASCII line (one column per byte, nothing to escape)
    /// straight into row `y`, without grapheme breaking or per-cell checks.
    private mutating func putASCII(_ line: Line, at x: Int, _ y: Int, count: Int, skipColumns: Int) -> Int {
        guard count > 0 else { return 0 }
        let start = y * width + x
        // Only the run's two ends can split a wide grapheme; everything between is overwritten.
        breakWide(at: start, x: x)
        breakWide(at: start + count - 1, x: x + count - 1)
        var skip = skipColumns
        var i = start
        let end = start + count
        cells.withUnsafeMutableBufferPointer { out in
            for span in line.spans where i < end {
                let bytes = span.text.utf8
                if skip >= bytes.count {
                    skip -= bytes.count
                    continue
                }
                for b in bytes.dropFirst(skip) {
                    guard i < end else { break }
                    out[i] = Cell(Glyph(ascii: b), style: span.style)
                    i += 1
                }
                skip = 0
            }
        }
        return count
    }

    /// Writes `cell` (one column wide) into every cell of `r`, which lies inside the canvas.
    private mutating func fillRows(_ r: Rect, with cell: Cell) {
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
            let start = y * width
            // Only the row's two ends can split a wide grapheme; everything between is overwritten.
            breakWide(at: start + r.x, x: r.x)
            breakWide(at: start + r.right - 1, x: r.right - 1)
            cells.withUnsafeMutableBufferPointer { out in
                for i in (start + r.x)..<(start + r.right) { out[i] = cell }
            }
        }
    }

    private static func isSafe(_ symbol: String) -> Bool {
        var ascii = true
        for b in symbol.utf8 {
            if b < 0x20 || b == 0x7F { return false }
            if b >= 0x80 { ascii = false }
        }
        return ascii || !symbol.unicodeScalars.contains(where: VisibleEscape.needsEscape)
    }

    @inline(__always)
    private func inBounds(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Before cell `i` (column `x`) is overwritten, blank whichever half of a wide grapheme
    /// would otherwise be left dangling.
    private mutating func breakWide(at i: Int, x: Int) {
        let old = cells[i]
        if old.isContinuation && x > 0 {
            cells[i - 1] = .blank(cells[i - 1].style)
        } else if old.width == 2 && x + 1 < width {
            cells[i + 1] = .blank(old.style)
        }
    }
}
