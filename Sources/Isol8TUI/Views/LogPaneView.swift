import TerminalKit

/// Panes 2 and 6: the run's output and the engine's debug lines, both bounded logs with
/// follow, wrap and search.
enum LogPaneView {
    static func drawOutput(_ state: AppState, focused: Bool, in canvas: inout Canvas, area: Rect) {
        let empty: [String]
        if state.run != nil {
            empty = ["waiting for output…"]
        } else {
            empty = ["No output yet. Press r (or F5) to run the code with the knobs in the Config pane."]
        }
        draw(state.output, title: "2 Output", empty: empty, theme: state.theme, focused: focused, in: &canvas, area: area)
    }

    static func drawDebug(_ state: AppState, focused: Bool, in canvas: inout Canvas, area: Rect) {
        let empty = state.knobs.options.debug
            ? ["No [DEBUG] lines yet; they appear during the next run."]
            : ["Debug is off. :set debug on shows the engine's [DEBUG] lines here (option resolution, container lifecycle)."]
        let pane = AppView.sidePane(.debug, focused: focused)
        draw(state.debug, pane: pane, empty: empty, theme: state.theme, in: &canvas, area: area)
    }

    private static func draw(_ log: LogState, title: String, empty: [String], theme: Theme, focused: Bool,
                             in canvas: inout Canvas, area: Rect) {
        var indicator = "follow:\(log.view.follow ? "on" : "off") wrap:\(log.view.wrap ? "on" : "off")"
        if let search = log.search { indicator = "/\(search.matcher.query) " + indicator }
        draw(log, pane: Pane(title: title, rightTitle: indicator, focused: focused), empty: empty, theme: theme,
             in: &canvas, area: area)
    }

    private static func draw(_ log: LogState, pane: Pane, empty: [String], theme: Theme, in canvas: inout Canvas, area: Rect) {
        let inner = pane.draw(in: &canvas, area: area, theme: theme)
        guard log.lineCount > 0 else {
            AppView.drawNotice(empty, in: &canvas, area: inner, theme: theme)
            return
        }
        TextView(style: theme[.text]).draw(LogLinesView(log, theme: theme), state: log.view, in: &canvas, area: inner)
    }
}
