import TerminalKit

/// Pane 4: the run's container — state, limits asked for against limits applied, usage,
/// processes, /sandbox — refreshed while it exists.
enum ContainerPaneView {
    static func draw(_ state: AppState, focused: Bool, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        let inner = AppView.sidePane(.container, focused: focused).draw(in: &canvas, area: area, theme: theme)
        let lines = ContainerLines.build(state.container, now: state.now, theme: theme, secrets: Array(state.knobs.options.secrets.values))
        TextView(style: theme[.text]).draw(lines, state: state.container.view, in: &canvas, area: inner)
    }
}
