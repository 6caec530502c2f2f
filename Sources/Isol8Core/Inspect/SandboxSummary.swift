import Foundation

/// One row of the Sandboxes list: a container on a Docker target, a session on a server.
public struct SandboxSummary: Sendable, Equatable {
    /// Why the sandbox exists, read from the labels the engine writes (docs/compat.md §2.4).
    public enum Origin: String, Sendable, CaseIterable {
        /// Left running on purpose by `persist` (`isol8 run --persist`, the TUI's persist knob).
        case persisted
        /// A persistent engine's container: a server session, `--persistent` or the TUI's persistent mode.
        case session
        /// A warm container of an ephemeral engine's pool.
        case pool
        /// No isol8 labels: made from an `isol8:*` image by the original isol8 or by hand.
        case other
    }

    /// The container id (Docker) or the session id (server).
    public var id: String
    public var name: String
    /// The image it was made from; on a server, empty (the server does not say).
    public var image: String
    /// The runtime its labels name, else the one its `isol8:<runtime>` image implies.
    public var runtime: String?
    /// Docker's state word (running, exited, …); `active` or `idle` for a server session.
    public var state: String
    public var created: Date?
    public var origin: Origin
    /// CPU (percent of one core) and memory, when the target measured them.
    public var usage: ContainerUsage?
    /// When a server session was last used.
    public var lastUsed: Date?
    /// When the server's auto-prune will remove the session if it stays idle; nil when it never will.
    public var pruneAt: Date?

    public init(id: String, name: String = "", image: String = "", runtime: String? = nil, state: String = "",
                created: Date? = nil, origin: Origin = .other, usage: ContainerUsage? = nil,
                lastUsed: Date? = nil, pruneAt: Date? = nil) {
        self.id = id
        self.name = name
        self.image = image
        self.runtime = runtime
        self.state = state
        self.created = created
        self.origin = origin
        self.usage = usage
        self.lastUsed = lastUsed
        self.pruneAt = pruneAt
    }

    public var isRunning: Bool { state == "running" || state == "active" || state == "idle" }
}
