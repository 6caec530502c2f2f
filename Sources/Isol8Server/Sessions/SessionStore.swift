import Foundation
import Isol8Core

/// The server's named sessions (compat §6.4): id → persistent engine, kept in creation
/// order. A session counts as active while any execution holds it, so the prune loop
/// never stops an engine that is running code. Each session belongs to the caller that
/// made it: another tenant's session is "not found" for a caller (the master sees all).
actor SessionStore {
    struct Entry {
        var engine: DockerEngine
        var owner: Caller
        var lastAccessedAt: Date
        var activeUses: Int
        var createdAt = Date()
    }

    /// What a caller gets for a session id that exists but is not theirs: the same answer
    /// as for an id that does not exist, so ids of other tenants do not leak.
    static var notFound: APIError { APIError(404, "Session not found") }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []

    /// The session's engine, made with `makeEngine` for `caller` when the id is new; marks
    /// it active. Throws `notFound` for another tenant's session.
    func checkOut(_ id: String, by caller: Caller, makeEngine: () throws -> DockerEngine) throws -> (engine: DockerEngine, created: Bool) {
        if var entry = entries[id] {
            guard caller.mayUse(entry.owner) else { throw Self.notFound }
            entry.activeUses += 1
            entry.lastAccessedAt = Date()
            entries[id] = entry
            return (entry.engine, false)
        }
        let engine = try makeEngine()
        entries[id] = Entry(engine: engine, owner: caller, lastAccessedAt: Date(), activeUses: 1)
        order.append(id)
        return (engine, true)
    }

    /// After an execution or stream, successful or not: idle again, engine kept.
    func checkIn(_ id: String) {
        guard var entry = entries[id] else { return }
        entry.activeUses = max(0, entry.activeUses - 1)
        entry.lastAccessedAt = Date()
        entries[id] = entry
    }

    /// For `/file`: the engine, with `lastAccessedAt` refreshed; nil when `caller` may not see it.
    func touch(_ id: String, by caller: Caller) -> DockerEngine? {
        guard var entry = entries[id], caller.mayUse(entry.owner) else { return nil }
        entry.lastAccessedAt = Date()
        entries[id] = entry
        return entry.engine
    }

    /// The session's engine without counting as use (inspection must not delay auto-prune);
    /// nil when `caller` may not see it.
    func peek(_ id: String, by caller: Caller) -> DockerEngine? {
        guard let entry = entries[id], caller.mayUse(entry.owner) else { return nil }
        return entry.engine
    }

    /// `DELETE /session/:id`: nil when there is no such session; `notFound` when it is another tenant's.
    func remove(_ id: String, by caller: Caller) throws -> DockerEngine? {
        guard let entry = entries[id] else { return nil }
        guard caller.mayUse(entry.owner) else { throw Self.notFound }
        return remove(id)
    }

    func remove(_ id: String) -> DockerEngine? {
        order.removeAll { $0 == id }
        return entries.removeValue(forKey: id)?.engine
    }

    func removeAll() -> [(String, DockerEngine)] {
        let all = order.compactMap { id in entries[id].map { (id, $0.engine) } }
        entries.removeAll()
        order.removeAll()
        return all
    }

    /// Removes and returns idle sessions last used more than `maxAgeMs` ago.
    func takeStale(maxAgeMs: Int, now: Date = Date()) -> [(String, DockerEngine)] {
        let stale = order.filter { id in
            guard let entry = entries[id] else { return false }
            return entry.activeUses == 0 && now.timeIntervalSince(entry.lastAccessedAt) * 1000 > Double(maxAgeMs)
        }
        return stale.compactMap { id in remove(id).map { (id, $0) } }
    }

    /// The sessions `caller` may see, oldest first; `pruneAfterMs` is the idle time after which
    /// auto-prune removes one (nil when it is off).
    func list(for caller: Caller, pruneAfterMs: Int?) -> [SessionInfo] {
        order.compactMap { id in
            entries[id].flatMap { caller.mayUse($0.owner) ? $0 : nil }.map { entry in
                let idle = entry.activeUses == 0
                let pruneAt = pruneAfterMs.flatMap { idle ? entry.lastAccessedAt.addingTimeInterval(Double($0) / 1000) : nil }
                return SessionInfo(id: id, isActive: !idle, lastAccessedAt: WireJSON.isoTimestamp(entry.lastAccessedAt),
                                   createdAt: WireJSON.isoTimestamp(entry.createdAt), pruneAt: pruneAt.map(WireJSON.isoTimestamp))
            }
        }
    }
}
