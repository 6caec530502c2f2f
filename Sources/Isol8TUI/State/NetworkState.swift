import Isol8Core
import TerminalKit

/// The network pane: proxy log entries of the current run, newest last, bounded.
public struct NetworkState: Sendable {
    /// Entries with sanitised text fields.
    public private(set) var entries: [NetworkLogEntry] = []
    /// Selection and scroll.
    public var list = ListViewState()
    /// Oldest entries are dropped past this many.
    public let maxEntries: Int

    /// Creates an empty pane.
    public init(maxEntries: Int = 10_000) {
        self.maxEntries = max(1, maxEntries)
    }

    /// Adds one entry, sanitising every text that came from the container's traffic.
    public mutating func append(_ entry: NetworkLogEntry) {
        var clean = entry
        clean.timestamp = TextSanitizer.sanitize(entry.timestamp)
        clean.method = TextSanitizer.sanitize(entry.method)
        clean.host = TextSanitizer.sanitize(entry.host)
        clean.path = entry.path.map { TextSanitizer.sanitize($0) }
        clean.action = TextSanitizer.sanitize(entry.action)
        entries.append(clean)
        if entries.count > maxEntries { entries.removeFirst(entries.count - maxEntries) }
    }

    /// Forgets the entries (a new run starts).
    public mutating func clear() {
        entries = []
        list = ListViewState()
    }
}
