import Isol8Core
import TerminalKit

/// Pane 3: the filtering proxy's log of the current run, one request a row, blocked ones in
/// the block colour.
enum NetworkPaneView {
    static let columns = [
        TableColumn("time", width: .length(8)),
        TableColumn("action", width: .length(6)),
        TableColumn("method", width: .length(7)),
        TableColumn("host", width: .fill(2)),
        TableColumn("path", width: .fill(2)),
        TableColumn("rule", width: .fill(2)),
        TableColumn("ms", width: .length(6), alignment: .right),
    ]

    static func draw(_ state: AppState, focused: Bool, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        let inner = AppView.sidePane(.network, focused: focused).draw(in: &canvas, area: area, theme: theme)
        let entries = state.network.entries
        guard !entries.isEmpty else {
            AppView.drawNotice(emptyNotice(state.knobs.options), in: &canvas, area: inner, theme: theme)
            return
        }
        // Only the rows the list shows are built: a long run's log has thousands.
        let rows = entries.lazy.map { entry in
            ListRow([time(entry.timestamp), entry.action, entry.method, entry.host, entry.path ?? "-", entry.rule ?? "-",
                     String(entry.durationMs)],
                    style: entry.action == "BLOCK" ? theme[.block] : theme[.allow])
        }
        ListView(columns: columns, showHeader: true).draw(rows, state: state.network.list, in: &canvas, area: inner, theme: theme)
    }

    /// Says how to get a network log when there is none.
    static func emptyNotice(_ options: Isol8Options) -> [String] {
        if options.network == .filtered && options.logNetwork {
            return ["No requests yet. Requests through the filtering proxy appear here during a run."]
        }
        return ["No network log. The network is \(options.network.rawValue) and logging is \(options.logNetwork ? "on" : "off").",
                "To see requests: :set net filtered and :set log-network on (then :allow REGEX / :deny REGEX)."]
    }

    /// `HH:MM:SS` of an ISO timestamp, cut on its bytes: this runs for every row every frame.
    private static func time(_ timestamp: String) -> String {
        let utf8 = timestamp.utf8
        guard let t = utf8.firstIndex(of: UInt8(ascii: "T")) else { return timestamp }
        let start = utf8.index(after: t)
        return String(decoding: utf8[start...].prefix(8), as: UTF8.self)
    }
}
