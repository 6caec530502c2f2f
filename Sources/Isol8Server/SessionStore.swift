import Foundation
import Isol8Core

/// The server's named sessions (spec §6.4): id → persistent engine, kept in creation
/// order. A session counts as active while any execution holds it, so the prune loop
/// never stops an engine that is running code.
actor SessionStore {
    struct Entry {
        var engine: DockerEngine
        var lastAccessedAt: Date
        var activeUses: Int
    }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []

    /// The session's engine, made with `makeEngine` when the id is new; marks it active.
    func checkOut(_ id: String, makeEngine: () throws -> DockerEngine) rethrows -> (engine: DockerEngine, created: Bool) {
        if var entry = entries[id] {
            entry.activeUses += 1
            entry.lastAccessedAt = Date()
            entries[id] = entry
            return (entry.engine, false)
        }
        let engine = try makeEngine()
        entries[id] = Entry(engine: engine, lastAccessedAt: Date(), activeUses: 1)
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

    /// For `/file`: the engine, with `lastAccessedAt` refreshed.
    func touch(_ id: String) -> DockerEngine? {
        guard var entry = entries[id] else { return nil }
        entry.lastAccessedAt = Date()
        entries[id] = entry
        return entry.engine
    }

    /// The session's engine without counting as use (inspection must not delay auto-prune).
    func peek(_ id: String) -> DockerEngine? { entries[id]?.engine }

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

    func list() -> [SessionInfo] {
        order.compactMap { id in
            entries[id].map { SessionInfo(id: id, isActive: $0.activeUses > 0, lastAccessedAt: WireJSON.isoTimestamp($0.lastAccessedAt)) }
        }
    }
}
