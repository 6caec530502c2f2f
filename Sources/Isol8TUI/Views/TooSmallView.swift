import TerminalKit

/// What a terminal below the minimum size shows instead of the panes.
enum TooSmallView {
    static func draw(size: Size, in canvas: inout Canvas, theme: Theme) {
        let text = "terminal too small: \(size.width)×\(size.height). isol8-tui needs at least "
            + "\(ScreenLayout.minimum.width)×\(ScreenLayout.minimum.height). q quits."
        let rows = AppView.wrap(text, width: size.width)
        let top = max(0, (size.height - rows.count) / 2)
        for (i, row) in rows.enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(row)) / 2)
            canvas.put(row, at: x, top + i, style: theme[.statusError])
        }
    }
}
