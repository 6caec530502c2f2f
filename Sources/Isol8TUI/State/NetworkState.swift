import Isol8Core
import NetworkPolicy
import TerminalKit

/// The network pane: proxy log entries of the current run, newest last, bounded.
public struct NetworkState: Sendable {
    /// Entries with sanitised text fields.
    public private(set) var entries: [NetworkLogEntry] = []
    /// Selection and scroll.
    public var list = ListViewState()
    /// Oldest entries are dropped past this many.
    public let maxEntries: Int
    /// The rules of the run the entries belong to: they name the deciding rule when the
    /// proxy's log line does not (images built before the `rule` field).
    public var rules = NetworkRules.allowAll

    /// Creates an empty pane.
    public init(maxEntries: Int = 10_000) {
        self.maxEntries = max(1, maxEntries)
    }

    /// Adds one entry, sanitising every text that came from the container's traffic.
    public mutating func append(_ entry: NetworkLogEntry) {
        var clean = entry
        clean.rule = entry.rule ?? rules.explaining(entry)?.logText
        clean.timestamp = TextSanitizer.sanitize(entry.timestamp)
        clean.method = TextSanitizer.sanitize(entry.method)
        clean.host = TextSanitizer.sanitize(entry.host)
        clean.path = entry.path.map { TextSanitizer.sanitize($0) }
        clean.action = TextSanitizer.sanitize(entry.action)
        clean.rule = clean.rule.map { TextSanitizer.sanitize($0) }
        entries.append(clean)
        if entries.count > maxEntries { entries.removeFirst(entries.count - maxEntries) }
    }

    /// Forgets the entries (a new run starts).
    public mutating func clear() {
        entries = []
        list = ListViewState()
    }
}
