/// A one-line list of keys and actions, e.g. `r run  x cancel  ? help`.
public struct KeyHintBar: Hashable, Sendable {
    /// Hints, most important first: the ones that do not fit are dropped from the end.
    public var hints: [KeyHint]
    /// Text between hints.
    public var separator: String

    /// Creates a bar.
    public init(_ hints: [KeyHint], separator: String = "  ") {
        self.hints = hints
        self.separator = separator
    }

    /// The bar as plain text, as it would be drawn in unlimited width.
    public var text: String {
        hints.map { "\($0.key) \($0.label)" }.joined(separator: separator)
    }

    /// Draws the hints that fit entirely on the first row of `area`.
    public func draw(in canvas: inout Canvas, area: Rect, theme: Theme) {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height))
        canvas.fill(row, style: theme[.text])
        guard !row.isEmpty else { return }
        var x = row.x
        for (i, hint) in hints.enumerated() {
            let sep = i == 0 ? "" : separator
            let w = DisplayWidth.of(sep) + DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label)
            guard x + w <= row.right else { break }
            x += canvas.put(sep, at: x, row.y, style: theme[.text])
            x += canvas.put(hint.key, at: x, row.y, style: theme[.keyHint])
            x += canvas.put(" " + hint.label, at: x, row.y, style: theme[.text])
        }
    }
}
