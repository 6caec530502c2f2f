import TerminalKit

/// A past run's own output (its last lines, as History keeps them), over the body.
enum RunOutputOverlay {
    static func draw(_ state: AppState, run id: Int, firstLine: Int, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        let lines = state.history.record(id)?.output ?? []
        let pane = Pane(title: "Run #\(id) output (\(lines.count) lines kept)", rightTitle: "↑↓ PgUp PgDn · Esc closes", focused: true)
        let inner = pane.draw(in: &canvas, area: area, theme: theme)
        for (row, line) in lines.dropFirst(firstLine).prefix(inner.height).enumerated() {
            let role: ThemeRole = switch line.kind {
            case .stderr: .stderr
            case .setup: .setup
            case .marker: .dim
            default: .stdout
            }
            canvas.put(line.text, at: inner.x, inner.y + row, style: theme[role], clipWidth: inner.width)
        }
    }
}
