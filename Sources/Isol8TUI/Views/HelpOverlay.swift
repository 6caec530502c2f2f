import TerminalKit

/// The `?` overlay: the keys of the focused pane and of everywhere, then the `:` commands —
/// built from the same keymap that dispatches keys, so it always tells the truth.
enum HelpOverlay {
    static func lines(_ state: AppState) -> [Line] {
        let theme = state.theme
        var lines: [Line] = []
        var contexts: [KeyContext] = [.pane(state.focus.pane), .global]
        if case .diff? = state.focus.overlays.dropLast().last { contexts.insert(.diff, at: 0) }
        for context in contexts {
            guard let table = state.keymap.table(context) else { continue }
            lines.append(Line(table.context.title, style: theme[.header]))
            for binding in table.bindings where !binding.keys.isEmpty {
                let keys = binding.keys.map(\.spec).joined(separator: ", ")
                lines.append(Line(spans: [Span("  " + DisplayWidth.fit(keys, to: 16), style: theme[.keyHint]),
                                          Span(" " + binding.description, style: theme[.text])]))
            }
            lines.append(Line(""))
        }
        lines.append(Line("Commands (press : then Tab to complete)", style: theme[.header]))
        for command in PromptCommand.catalog {
            lines.append(Line(spans: [Span("  :" + DisplayWidth.fit(command.usage, to: 20), style: theme[.keyHint]),
                                      Span(" " + command.description, style: theme[.text])]))
        }
        return lines
    }

    static func draw(_ state: AppState, scroll: Int, in canvas: inout Canvas, area: Rect) {
        let box = area.centered(width: min(area.width, 96), height: area.height)
        let inner = Pane(title: "Help", rightTitle: "↑↓ scroll · Esc closes", focused: true)
            .draw(in: &canvas, area: box, theme: state.theme)
        let all = lines(state)
        let top = min(scroll, max(0, all.count - inner.height))
        for (i, line) in all.dropFirst(top).prefix(inner.height).enumerated() {
            canvas.put(line, at: inner.x + 1, inner.y + i, clipWidth: max(0, inner.width - 1))
        }
    }
}
