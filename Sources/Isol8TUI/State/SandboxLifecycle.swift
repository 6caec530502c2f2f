/// A lifecycle action on sandboxes, asked for in the Sandboxes list and confirmed in a dialog.
public enum SandboxLifecycle: Equatable, Sendable {
    case stop(id: String, label: String)
    case remove(id: String, label: String)
    /// Every sandbox in the (filtered) list left by `persist` (`isol8 run --persist`, the TUI's persist knob).
    case removePersisted(ids: [String])

    /// The confirmation's question.
    var question: String {
        switch self {
        case .stop(_, let label): return "Stop \(label)? Its processes are killed; /sandbox is a tmpfs and is lost."
        case .remove(_, let label): return "Remove \(label) and everything in it?"
        case .removePersisted(let ids): return "Remove all \(ids.count) persisted sandboxes and everything in them?"
        }
    }

    var ids: [String] {
        switch self {
        case .stop(let id, _), .remove(let id, _): return [id]
        case .removePersisted(let ids): return ids
        }
    }

    var verb: String {
        if case .stop = self { return "Stop" }
        return "Remove"
    }

    /// What the status line says meanwhile.
    var progress: String {
        switch self {
        case .stop(_, let label): return "stopping \(label)…"
        case .remove(_, let label): return "removing \(label)…"
        case .removePersisted(let ids): return "removing \(ids.count) persisted sandboxes…"
        }
    }

    /// What the status line says when it is done.
    var done: String {
        switch self {
        case .stop(_, let label): return "stopped \(label)"
        case .remove(_, let label): return "removed \(label)"
        case .removePersisted(let ids): return "removed \(ids.count) persisted sandboxes"
        }
    }
}
