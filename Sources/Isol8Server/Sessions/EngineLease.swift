import Foundation
import Isol8Core
import Logging

/// An engine held for one execution: a session's persistent engine (handed back idle
/// afterwards) or a fresh ephemeral one (stopped afterwards, compat §6.3).
struct EngineLease: Sendable {
    let engine: DockerEngine
    let sessionId: String?
    let route: ExecutionRoute
    let sessions: SessionStore
    /// The request's logger.
    let log: Logger

    /// Call exactly once, after the execution or stream ends, whatever the outcome.
    func finish() async {
        if let sessionId {
            await sessions.checkIn(sessionId)
        } else {
            log.debug(.server, route.cleanupLine)
            await engine.stop()
        }
    }
}
