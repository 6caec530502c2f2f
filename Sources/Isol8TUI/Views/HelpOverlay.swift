import TerminalKit

/// The `?` overlay: the keys of the focused pane and of everywhere, then the `:` commands —
/// built from the same keymap that dispatches keys, so it always tells the truth.
enum HelpOverlay {
    /// The help's lines for a text area `width` cells wide: descriptions wrap under their own
    /// column, so a long one (the list of knobs) is never cut.
    static func lines(_ state: AppState, width: Int) -> [Line] {
        let theme = state.theme
        var lines: [Line] = []
        var contexts: [KeyContext] = [.pane(state.focus.pane), .global]
        if case .diff? = state.focus.overlays.dropLast().last { contexts.insert(.diff, at: 0) }
        for context in contexts {
            guard let table = state.keymap.table(context) else { continue }
            lines.append(Line(table.context.title, style: theme[.header]))
            for binding in table.bindings where !binding.keys.isEmpty {
                let keys = binding.keys.map(\.spec).joined(separator: ", ")
                lines += entry("  " + DisplayWidth.fit(keys, to: 16), binding.description, width: width, theme: theme)
            }
            lines.append(Line(""))
        }
        lines.append(Line("Commands (press : then Tab to complete)", style: theme[.header]))
        for command in PromptCommand.catalog {
            lines += entry("  :" + DisplayWidth.fit(command.usage, to: 20), command.description, width: width, theme: theme)
        }
        return lines
    }

    /// `key  description`, the description wrapped into the width left after the key column.
    private static func entry(_ key: String, _ description: String, width: Int, theme: Theme) -> [Line] {
        let indent = DisplayWidth.of(key) + 1
        let rows = AppView.wrap(description, width: max(10, width - indent))
        return rows.enumerated().map { i, row in
            Line(spans: [Span(i == 0 ? key : String(repeating: " ", count: DisplayWidth.of(key)), style: theme[.keyHint]),
                         Span(" " + row, style: theme[.text])])
        }
    }

    /// The box the help is drawn in, and the width of its text.
    static func box(in area: Rect) -> (box: Rect, textWidth: Int) {
        let box = area.centered(width: min(area.width, 96), height: area.height)
        return (box, max(1, box.width - 3))
    }

    static func draw(_ state: AppState, scroll: Int, in canvas: inout Canvas, area: Rect) {
        let (box, textWidth) = box(in: area)
        let inner = Pane(title: "Help", rightTitle: "↑↓ scroll · Esc closes", focused: true)
            .draw(in: &canvas, area: box, theme: state.theme)
        let all = lines(state, width: textWidth)
        let top = min(scroll, max(0, all.count - inner.height))
        for (i, line) in all.dropFirst(top).prefix(inner.height).enumerated() {
            canvas.put(line, at: inner.x + 1, inner.y + i, clipWidth: max(0, inner.width - 1))
        }
    }
}
