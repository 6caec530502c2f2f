import Foundation
import Isol8Core

/// The Sandboxes list (`s`, `:sandboxes`): the target's isol8 containers or server sessions,
/// filtered with `/`, sorted with `s`, kept current by the target's events.
public struct SandboxesState: Sendable {
    /// What `s` cycles through.
    public enum SortKey: String, CaseIterable, Sendable {
        case age, name, state, origin, cpu, memory
    }

    /// Everything the target listed last.
    public var rows: [SandboxSummary] = []
    /// The selected row's id (the selection follows it when the list reorders).
    public var selectedID: String?
    public var filter = ""
    /// `/` was pressed: typed characters go into the filter until Enter or Esc.
    public var editingFilter = false
    public var sort: SortKey = .age
    /// A listing is on its way; a change meanwhile sets `stale` so one more follows it.
    public var inFlight = false
    public var stale = false
    public var lastListed: Date?
    /// A listing has arrived since the list was opened (until then it says "listing…").
    public var received = false
    public var error: String?

    /// Seconds between refreshes while the list is open, for CPU and memory, which change without events.
    public static let refreshInterval: TimeInterval = 5

    public init() {}

    /// The rows the filter lets through, in the sort order (newest, busiest, largest first).
    public var visible: [SandboxSummary] {
        let needle = filter.lowercased()
        let kept = needle.isEmpty ? rows : rows.filter { row in
            [row.id, row.name, row.image, row.runtime ?? "", row.state, row.origin.rawValue].contains { $0.lowercased().contains(needle) }
        }
        return kept.sorted { a, b in
            switch sort {
            case .age: return (a.created ?? .distantPast, a.id) > (b.created ?? .distantPast, b.id)
            case .name: return (a.name, a.id) < (b.name, b.id)
            case .state: return (a.state, a.id) < (b.state, b.id)
            case .origin: return (a.origin.rawValue, a.id) < (b.origin.rawValue, b.id)
            case .cpu: return (a.usage?.cpuPercent ?? -1, a.id) > (b.usage?.cpuPercent ?? -1, b.id)
            case .memory: return (a.usage?.memoryBytes ?? 0, a.id) > (b.usage?.memoryBytes ?? 0, b.id)
            }
        }
    }

    /// Index of the selected row in `visible` (the first row when the selected one is filtered out).
    public var selectedIndex: Int {
        visible.firstIndex { $0.id == selectedID } ?? 0
    }

    public var selected: SandboxSummary? {
        let rows = visible
        return rows.indices.contains(selectedIndex) ? rows[selectedIndex] : nil
    }

    /// Moves the selection by `delta` rows, staying inside the list.
    public mutating func move(_ delta: Int) {
        let rows = visible
        guard !rows.isEmpty else { return }
        selectedID = rows[min(rows.count - 1, max(0, selectedIndex + delta))].id
    }

    /// Whether a tick at `now` should list again.
    public func needsRefresh(at now: Date) -> Bool {
        guard !inFlight else { return false }
        guard let last = lastListed else { return true }
        return now.timeIntervalSince(last) >= SandboxesState.refreshInterval
    }
}
