import TerminalKit

/// The bottom row: the keys that matter in the focused pane, read from the keymap so
/// overrides show; while the prompt is open, its error or completions instead.
enum HintsView {
    static func draw(_ state: AppState, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        if case .prompt(let prompt)? = state.focus.overlays.last {
            canvas.fill(area, style: theme[.text])
            if let error = prompt.error {
                canvas.put("✗ " + error, at: area.x, area.y, style: theme[.statusError], clipWidth: area.width)
            } else if !prompt.candidates.isEmpty {
                canvas.put(prompt.candidates.joined(separator: "  "), at: area.x, area.y, style: theme[.dim], clipWidth: area.width)
            } else {
                let help = prompt.mode == .command ? "Tab completes · Enter applies · Esc cancels · ↑ history"
                                                   : "Enter searches · Esc cancels · then n/N move between matches"
                canvas.put(help, at: area.x, area.y, style: theme[.dim], clipWidth: area.width)
            }
            return
        }
        KeyHintBar(hints(state)).draw(in: &canvas, area: area, theme: theme)
    }

    /// Most important first, since the bar drops what does not fit from the end: run or
    /// cancel, the focused pane's main key, knobs, help and quit; then the rest.
    static func hints(_ state: AppState) -> [KeyHint] {
        let pane = state.focus.pane
        var primary: [(KeyCommand, String)] = state.run == nil ? [(.run, "run")] : [(.cancel, "cancel")]
        var secondary: [(KeyCommand, String)] = []
        switch pane {
        case .output:
            primary.append((.search, "search"))
            secondary += [(.toggleWrap, "wrap"), (.toggleFollow, "follow"), (.saveOutput, "save")]
        case .debug:
            primary.append((.search, "search"))
            secondary.append((.toggleWrap, "wrap"))
        case .code: primary.append((.editCode, "edit"))
        case .history: primary += [(.markRun, "mark"), (.diffRuns, "diff"), (.openRunOutput, "output")]
        case .container: primary += [(.refreshContainer, "refresh"), (.openShell, "shell")]
        case .network: primary.append((.editRules, "rules"))
        case .config: break
        }
        primary += [(.command, "set knobs"), (.help, "help"), (.quit, "quit")]
        secondary += [(.nextPane, "panes"), (.zoom, "zoom"), (.toggleMouse, "mouse")]
        return (primary + secondary).compactMap { command, label in
            state.keymap.keys(for: command, in: .pane(pane)).first.map { KeyHint($0.spec, label) }
        }
    }
}
