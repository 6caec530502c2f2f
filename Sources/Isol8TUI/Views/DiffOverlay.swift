import TerminalKit

/// The diff of two runs, over the whole body.
enum DiffOverlay {
    static func draw(_ state: DiffState, theme: Theme, in canvas: inout Canvas, area: Rect) {
        let pane = Pane(title: "Diff: run #\(state.diff.older) → run #\(state.diff.newer)", rightTitle: "↑↓ scroll · Esc closes",
                        focused: true)
        let inner = pane.draw(in: &canvas, area: area, theme: theme)
        TextView(style: theme[.text]).draw(DiffLines.build(state.diff, theme: theme), state: state.view, in: &canvas, area: inner)
    }
}
