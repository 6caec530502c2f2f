import Foundation

/// The Sandboxes list on an isol8 server: its sessions from `GET /sessions`, with the time
/// auto-prune will remove each (`pruneAt`, an addition of this port's server). The server
/// streams no events, so `watch` returns at once and the list refreshes itself.
public struct RemoteSessionLister: SandboxLister {
    let engine: RemoteEngine

    public init(engine: RemoteEngine) {
        self.engine = engine
    }

    public func list() async throws -> [SandboxSummary] {
        try await engine.listSessions().map { session in
            SandboxSummary(id: session.id, name: session.id, state: session.isActive ? "active" : "idle",
                           created: session.createdAt.flatMap(WireJSON.date(fromISO:)), origin: .session,
                           lastUsed: WireJSON.date(fromISO: session.lastAccessedAt),
                           pruneAt: session.pruneAt.flatMap(WireJSON.date(fromISO:)))
        }
    }

    public func watch(cancel: CancelToken, onChange: @escaping @Sendable () -> Void) async throws {}

    public func stop(_ id: String) async throws {
        throw SandboxActionError("a server session cannot be stopped, only removed")
    }

    public func remove(_ id: String) async throws {
        try await engine.deleteSession(id)
    }
}
