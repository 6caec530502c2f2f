import TerminalKit

/// The network rules in the order the proxy tries them, with the keys that edit them.
enum RulesOverlay {
    static func draw(_ state: AppState, selected: Int, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        let rows = state.ruleRows
        let pane = Pane(title: "Network rules (\(state.knobs.options.network.rawValue) network)",
                        rightTitle: "a allow · b deny · d remove · K/J move · Esc closes", focused: true)
        let inner = pane.draw(in: &canvas, area: area, theme: theme)
        guard !rows.isEmpty else {
            AppView.drawNotice(["No rules: with net filtered every host is allowed while the allow list is empty.",
                                "a adds an allow rule, b a deny rule (extended regular expressions)."], in: &canvas, area: inner, theme: theme)
            return
        }
        for (index, row) in rows.enumerated() where index < inner.height {
            let text = "\(row.deny ? "deny " : "allow") \(row.index + 1)  \(TextSanitizer.sanitize(row.pattern))"
            let style = index == selected ? theme[.selection] : theme[row.deny ? .block : .allow]
            canvas.fill(Rect(x: inner.x, y: inner.y + index, width: inner.width, height: 1), style: style)
            canvas.put(text, at: inner.x, inner.y + index, style: style, clipWidth: inner.width)
        }
    }
}
