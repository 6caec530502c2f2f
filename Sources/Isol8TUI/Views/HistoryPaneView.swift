import TerminalKit

/// Pane 7: every run of the session with its knobs and result; space marks two, d diffs them.
enum HistoryPaneView {
    static let columns = [
        TableColumn("", width: .length(1)),
        TableColumn("#", width: .length(3), alignment: .right),
        TableColumn("time", width: .length(8)),
        TableColumn("knobs", width: .fill()),
        TableColumn("exit", width: .length(4), alignment: .right),
        TableColumn("took", width: .length(7), alignment: .right),
        TableColumn("notes", width: .length(14)),
    ]

    static func draw(_ state: AppState, focused: Bool, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        let inner = AppView.sidePane(.history, focused: focused).draw(in: &canvas, area: area, theme: theme)
        let history = state.history
        guard !history.runs.isEmpty else {
            AppView.drawNotice(["No runs yet. Press r to run; every run is kept here with its knobs.",
                                "Mark two with space and press d to see what differed."], in: &canvas, area: inner, theme: theme)
            return
        }
        let rows = history.runs.lazy.map { record -> ListRow in
            let mark = history.marked.contains(record.id) ? "*" : " "
            guard let result = record.result else {
                return ListRow([mark, String(record.id), Format.clock(record.startedAt), record.summary, "…", "running", ""])
            }
            let failed = result.error != nil || result.oomKilled || result.timedOut || (result.exitCode ?? 1) != 0
            return ListRow([mark, String(record.id), Format.clock(record.startedAt), record.summary,
                            result.exitCode.map(String.init) ?? "-", Format.duration(ms: result.durationMs), notes(result)],
                           style: failed ? theme[.statusError] : nil)
        }
        ListView(columns: columns, showHeader: true).draw(rows, state: history.list, in: &canvas, area: inner, theme: theme)
    }

    /// OOM, timeout, truncation, cancel or error, in a few letters.
    static func notes(_ result: RunResult) -> String {
        var notes: [String] = []
        if result.oomKilled { notes.append("OOM") }
        if result.timedOut { notes.append("timeout") }
        if result.truncated { notes.append("truncated") }
        if result.cancelled { notes.append("cancelled") }
        if result.error != nil && !result.cancelled { notes.append("error") }
        return notes.joined(separator: " ")
    }
}
