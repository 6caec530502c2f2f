import Foundation
import Hummingbird
import Isol8Core
import Logging

/// `GET /sessions` and `DELETE /session/:id` (compat §6.5), each limited to the caller's sessions.
struct SessionRoutes: Sendable {
    let resources: ServerResources

    func register(on router: Router<some CallerContext>) {
        router.get("/sessions") { _, context in
            resources.logger.debug(.server, "GET /sessions")
            let cleanup = resources.config.cleanup
            let sessions = await resources.sessions.list(for: try context.authenticatedCaller(),
                                                         pruneAfterMs: cleanup.autoPrune ? cleanup.maxContainerAgeMs : nil)
            return JSONResponse.ok(.object([("sessions", .array(sessions.map(WireJSON.session)))]))
        }
        router.delete("/session/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            resources.logger.debug(.server, "DELETE /session/\(id)")
            if let engine = try await resources.sessions.remove(id, by: try context.authenticatedCaller()) {
                await engine.stop()
                resources.logger.debug(.server, "Session destroyed: \(id)")
            } else {
                resources.logger.debug(.server, "Session not found (already cleaned up): \(id)")
            }
            return JSONResponse.ok(JSONResponse.okTrue)
        }
    }
}
