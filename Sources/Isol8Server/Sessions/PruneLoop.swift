import Foundation
import Isol8Core
import Logging

/// Auto-prune (compat §6.7): every `intervalMs`, stop and forget sessions that have been
/// idle longer than `maxAgeMs`. Active sessions are never touched.
struct PruneLoop: Sendable {
    let sessions: SessionStore
    let maxAgeMs: Int
    let intervalMs: Int
    let logger: Logger

    func run() async {
        await Periodic.run(everyMs: intervalMs) { await pruneOnce() }
    }

    func pruneOnce() async {
        for (id, engine) in await sessions.takeStale(maxAgeMs: maxAgeMs) {
            logger.debug(.server, "Auto-pruning stale session: \(id)")
            await engine.stop()
        }
    }
}
