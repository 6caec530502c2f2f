import TerminalKit

/// `:workflow`: the guide's steps, each ticked when the session has done it, with its keys.
enum WorkflowOverlay {
    static func draw(_ state: AppState, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        let steps = WorkflowProgress.steps(state)
        let done = steps.filter(\.done).count
        let pane = Pane(title: "Workflow: \(done) of \(steps.count) steps done", rightTitle: "Esc closes", focused: true)
        let inner = pane.draw(in: &canvas, area: area, theme: theme)
        for (index, step) in steps.enumerated() where index * 2 < inner.height {
            let y = inner.y + index * 2
            let mark = step.done ? "[x] " : "[ ] "
            canvas.put(mark + "\(index + 1). " + step.title, at: inner.x, y, style: step.done ? theme[.statusOK] : theme[.text],
                       clipWidth: inner.width)
            canvas.put("     " + step.keys, at: inner.x, y + 1, style: theme[.dim], clipWidth: inner.width)
        }
    }
}
