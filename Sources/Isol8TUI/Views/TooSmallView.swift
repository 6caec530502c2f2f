import TerminalKit

/// What a terminal below the minimum size shows instead of the panes.
enum TooSmallView {
    static func draw(size: Size, in canvas: inout Canvas, theme: Theme) {
        let rows = lines(size)
        let top = max(0, (size.height - rows.count) / 2)
        for (i, row) in rows.enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(row)) / 2)
            canvas.put(row, at: x, top + i, style: theme[.statusError])
        }
    }

    /// The message's phrases, together on a row while they fit; a phrase is only broken (at a
    /// space) when it is wider than the terminal.
    static func lines(_ size: Size) -> [String] {
        let phrases = ["terminal too small: \(size.width)×\(size.height).",
                       "isol8-tui needs at least \(ScreenLayout.minimum.width)×\(ScreenLayout.minimum.height).",
                       "q quits."]
        var rows: [String] = []
        for phrase in phrases {
            if let last = rows.last, DisplayWidth.of(last) + 1 + DisplayWidth.of(phrase) <= size.width {
                rows[rows.count - 1] = last + " " + phrase
            } else {
                rows += AppView.wrap(phrase, width: size.width)
            }
        }
        return rows
    }
}
