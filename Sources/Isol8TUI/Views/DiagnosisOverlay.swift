import TerminalKit

/// The Diagnosis view over the body: each failure class found in the last run with what gave
/// it away, the advice, and the fix that Enter (or F) applies before running again.
enum DiagnosisOverlay {
    static func lines(_ state: AppState, selected: Int, width: Int) -> [Line] {
        let theme = state.theme
        guard let run = state.history.lastFinished else { return [] }
        let diagnoses = run.diagnoses
        guard !diagnoses.isEmpty else {
            return [Line("Run #\(run.id) shows no known failure class.", style: theme[.text])]
        }
        var lines: [Line] = []
        for (index, diagnosis) in diagnoses.enumerated() {
            let marker = index == selected ? "▶ " : "  "
            lines.append(Line(marker + "\(index + 1). " + diagnosis.failure.title,
                              style: index == selected ? theme[.selection] : theme[.header]))
            lines += wrapped("saw: " + diagnosis.saw, style: theme[.statusError], width: width)
            lines += wrapped(diagnosis.advice, style: theme[.text], width: width)
            let fix = diagnosis.fix.map { "fix: \($0.summary), then run again (Enter or F)" } ?? "fix: none by a knob"
            lines += wrapped(fix, style: diagnosis.fix == nil ? theme[.dim] : theme[.keyHint], width: width)
            lines.append(Line(""))
        }
        return lines
    }

    static func draw(_ state: AppState, selected: Int, in canvas: inout Canvas, area: Rect) {
        let title = state.history.lastFinished.map { "Diagnosis of run #\($0.id)" } ?? "Diagnosis"
        let inner = Pane(title: title, rightTitle: "↑↓ choose · Enter fixes and runs · Esc closes", focused: true)
            .draw(in: &canvas, area: area, theme: state.theme)
        let all = lines(state, selected: selected, width: max(1, inner.width - 6))
        // Keep the selected diagnosis in view: scroll so its title row is visible.
        let titleRow = all.firstIndex { $0.plainText.hasPrefix("▶") } ?? 0
        let top = max(0, min(titleRow, all.count - inner.height))
        for (i, line) in all.dropFirst(top).prefix(inner.height).enumerated() {
            canvas.put(line, at: inner.x + 1, inner.y + i, clipWidth: max(0, inner.width - 1))
        }
    }

    private static func wrapped(_ text: String, style: Style, width: Int) -> [Line] {
        AppView.wrap(text, width: width).map { Line("     " + $0, style: style) }
    }
}
