import TerminalKit

/// Pane 1: the code with line numbers and syntax colours.
enum CodePaneView {
    static func draw(_ state: AppState, focused: Bool, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        let code = state.code
        let inner = Pane(title: "1 Code: \(code.title)", rightTitle: code.language == .plain ? "" : "\(state.knobs.runtime.rawValue)",
                         focused: focused).draw(in: &canvas, area: area, theme: theme)
        if let error = code.error {
            AppView.drawNotice([error], in: &canvas, area: inner, theme: theme)
            return
        }
        TextView(style: theme[.text]).draw(CodeLinesView(code, theme: theme), state: code.view, in: &canvas, area: inner)
    }
}
