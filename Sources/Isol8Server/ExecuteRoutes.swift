import Foundation
import Hummingbird
import Isol8Core

/// `POST /execute` (buffered) and `POST /execute/stream` (SSE, spec §6.5.1).
struct ExecuteRoutes: Sendable {
    let resources: ServerResources

    func register(on router: Router<some RequestContext>) {
        router.post("/execute") { request, _ in try await execute(request) }
        router.post("/execute/stream") { request, _ in try await stream(request) }
    }

    func execute(_ request: Request) async throws -> Response {
        let envelope = try ExecutionEnvelope(await resources.body.object(request))
        DebugLog.debug("[Server] POST /execute runtime=\(envelope.runtimeName) sessionId=\(envelope.sessionId ?? "ephemeral")")
        DebugLog.debug(envelope.codeSourceLine)
        let lease = try await resources.lease(envelope, route: .execute)
        do {
            let result = try await resources.withPermit(.execute) { try await lease.engine.execute(try envelope.validRequest()) }
            DebugLog.debug("[Server] Execution completed: exitCode=\(result.exitCode) duration=\(result.durationMs)ms")
            await lease.finish()
            return JSONResponse.ok(WireJSON.result(result))
        } catch {
            let message = WireJSON.message(of: error)
            DebugLog.debug("[Server] Execution error: \(message)")
            await lease.finish()
            return JSONResponse.error(500, message)
        }
    }

    func stream(_ request: Request) async throws -> Response {
        let envelope = try ExecutionEnvelope(await resources.body.object(request))
        DebugLog.debug("[Server] POST /execute/stream runtime=\(envelope.runtimeName)")
        DebugLog.debug(envelope.codeSourceLine)
        let lease = try await resources.lease(envelope, route: .stream)
        let resources = self.resources
        let body = ResponseBody { writer in
            let cancel = CancelToken()
            do {
                try await resources.withPermit(.stream) {
                    for try await event in lease.engine.executeStream(try envelope.validRequest(), cancel: cancel) {
                        try await writer.write(Self.frame(event))
                    }
                }
                DebugLog.debug("[Server] Stream completed")
            } catch {
                // Also stops the run when the client went away mid-stream.
                cancel.cancel()
                let message = WireJSON.message(of: error)
                DebugLog.debug("[Server] Stream error: \(message)")
                try? await writer.write(Self.frame(StreamEvent(.error, message, phase: nil)))
            }
            await lease.finish()
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [
            .contentType: "text/event-stream", .cacheControl: "no-cache", .connection: "keep-alive",
        ], body: body)
    }

    /// Exactly `data: <compact JSON>\n\n`, nothing else (spec §6.5.1).
    static func frame(_ event: StreamEvent) -> ByteBuffer {
        ByteBuffer(string: "data: " + WireJSON.event(event).rendered + "\n\n")
    }
}
