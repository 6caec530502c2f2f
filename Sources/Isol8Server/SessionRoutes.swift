import Foundation
import Hummingbird
import Isol8Core

/// `GET /sessions` and `DELETE /session/:id` (spec §6.5).
struct SessionRoutes: Sendable {
    let resources: ServerResources

    func register(on router: Router<some RequestContext>) {
        router.get("/sessions") { _, _ in
            DebugLog.debug("[Server] GET /sessions")
            let sessions = await resources.sessions.list()
            return JSONResponse.ok(.object([("sessions", .array(sessions.map(WireJSON.session)))]))
        }
        router.delete("/session/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            DebugLog.debug("[Server] DELETE /session/\(id)")
            if let engine = await resources.sessions.remove(id) {
                await engine.stop()
                DebugLog.debug("[Server] Session destroyed: \(id)")
            } else {
                DebugLog.debug("[Server] Session not found (already cleaned up): \(id)")
            }
            return JSONResponse.ok(JSONResponse.okTrue)
        }
    }
}
