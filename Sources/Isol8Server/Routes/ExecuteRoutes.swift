import Foundation
import Hummingbird
import Isol8Core
import Logging
import NIOCore

/// `POST /execute` (buffered) and `POST /execute/stream` (SSE, compat §6.5.1).
struct ExecuteRoutes: Sendable {
    let resources: ServerResources

    func register(on router: Router<some CallerContext>) {
        router.post("/execute") { request, context in
            try await execute(request, caller: try context.authenticatedCaller(), channel: context.channel,
                              log: resources.logger.with("request", context.id))
        }
        router.post("/execute/stream") { request, context in
            try await stream(request, caller: try context.authenticatedCaller(), log: resources.logger.with("request", context.id))
        }
    }

    func execute(_ request: Request, caller: Caller, channel: any Channel, log: Logger) async throws -> Response {
        let envelope = try ExecutionEnvelope(await resources.body.object(request))
        log.debug(.server, "POST /execute runtime=\(envelope.runtimeName) sessionId=\(envelope.sessionId ?? "ephemeral")")
        log.debug(.server, envelope.codeSourceLine)
        let lease = try await resources.lease(envelope, route: .execute, caller: caller, log: log)
        let cancel = CancelToken()
        do {
            // A client that leaves ends its run at once, freeing the container and the slot.
            let result = try await ClientDisconnectWatcher.watching(channel, onLeave: { cancel.cancel() }) {
                try await resources.withPermit(.execute, cancel: cancel) {
                    try await lease.engine.execute(try envelope.validRequest(), cancel: cancel, onContainer: nil)
                }
            }
            log.debug(.server, "Execution completed: exitCode=\(result.exitCode) duration=\(result.durationMs)ms")
            await lease.finish()
            return JSONResponse.ok(WireJSON.result(result))
        } catch {
            let message = WireJSON.message(of: error)
            log.debug(.server, "Execution error: \(message)")
            await lease.finish()
            // A refusal of the server's own (503 while shutting down) keeps its status.
            return JSONResponse.error((error as? APIError)?.status ?? 500, message)
        }
    }

    func stream(_ request: Request, caller: Caller, log: Logger) async throws -> Response {
        let envelope = try ExecutionEnvelope(await resources.body.object(request))
        log.debug(.server, "POST /execute/stream runtime=\(envelope.runtimeName)")
        log.debug(.server, envelope.codeSourceLine)
        let lease = try await resources.lease(envelope, route: .stream, caller: caller, log: log)
        let resources = self.resources
        let body = ResponseBody { writer in
            let cancel = CancelToken()
            let frames = SerialBodyWriter(writer)
            var failure: String?
            do {
                try await resources.withPermit(.stream, cancel: cancel) {
                    try await StreamRelay().relay(lease.engine.executeStream(try envelope.validRequest(), cancel: cancel), cancel: cancel,
                                                  send: { try await frames.write(Self.frame($0)) },
                                                  heartbeat: { try await frames.write(Self.heartbeat) })
                }
                log.debug(.server, "Stream completed")
            } catch {
                // Also stops the run when the client went away mid-stream.
                cancel.cancel()
                failure = WireJSON.message(of: error)
                log.debug(.server, "Stream error: \(failure!)")
            }
            // Before the last writes: a client that stopped reading may block them.
            await lease.finish()
            if let failure { try? await frames.write(Self.frame(StreamEvent(.error, failure, phase: nil))) }
            try await frames.finish()
        }
        return Response(status: .ok, headers: [
            .contentType: "text/event-stream", .cacheControl: "no-cache", .connection: "keep-alive",
        ], body: body)
    }

    /// Exactly `data: <compact JSON>\n\n`, nothing else (compat §6.5.1).
    static func frame(_ event: StreamEvent) -> ByteBuffer {
        ByteBuffer(string: "data: " + WireJSON.event(event).rendered + "\n\n")
    }

    /// Port addition: an SSE comment line while the run is silent; clients ignore it, and a
    /// peer that has gone makes the write fail, which ends the run.
    static let heartbeat = ByteBuffer(string: ": ping\n\n")
}
