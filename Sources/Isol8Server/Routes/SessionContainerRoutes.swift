import Foundation
import Hummingbird
import Isol8Core
import Logging

/// Additions to the isol8 API, so a remote debugger can inspect a session the way it inspects
/// a local container: `GET /session/:id/container` (state, limits, usage, processes and the
/// `/sandbox` listing of the session's container) and `GET /session/:id/files` (its `/sandbox`
/// tree with sizes and times). Looking does not count as use, so it never delays auto-prune.
/// Another tenant's session is not found.
struct SessionContainerRoutes: Sendable {
    let resources: ServerResources

    func register(on router: Router<some CallerContext>) {
        router.get("/session/:id/container") { _, context in
            try await inspect(context, "container") { inspector, container in try await inspector.snapshot(container) }
        }
        router.get("/session/:id/files") { _, context in
            try await inspect(context, "files") { inspector, container in try await inspector.files(container) }
        }
    }

    /// Finds the caller's session and its container, and answers what `look` finds as JSON.
    private func inspect(_ context: some CallerContext, _ what: String,
                         look: (any SandboxInspector, String) async throws -> some Encodable) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        resources.logger.debug(.server, "GET /session/\(id)/\(what)")
        guard let engine = await resources.sessions.peek(id, by: try context.authenticatedCaller()) else {
            return JSONResponse.error(404, "Session not found: \(id) (GET /sessions lists the live ones)")
        }
        guard let containerId = await engine.containerId else {
            return JSONResponse.error(404, "Session \(id) has no container yet: run code in it first")
        }
        guard let inspector = engine.inspector else { return JSONResponse.error(500, "No inspector for session \(id)") }
        do {
            // Foundation's default date form, which RemoteEngine decodes.
            let body = try JSONEncoder().encode(try await look(inspector, containerId))
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        } catch DockerError.api(404, _) {
            return JSONResponse.error(404, "The container of session \(id) is gone")
        }
    }
}
