import Foundation
import Hummingbird
import HummingbirdWebSocket
import Isol8Core
import Logging

/// `GET /execute/ws` (compat §6.5.2): one `execute` message per connection, events back as
/// text messages, then close 1000. Auth ran on the upgrade request (AuthMiddleware).
struct WebSocketRoutes: Sendable {
    let resources: ServerResources
    /// Largest client message accepted (an envelope with inline files).
    let maxMessageBytes: Int

    func register(on router: Router<Isol8RequestContext>) {
        router.ws("/execute/ws") { inbound, outbound, context in
            let log = resources.logger.with("request", context.requestContext.id)
            log.debug(.server, "WebSocket connection established")
            defer { log.debug(.server, "WebSocket connection closed") }
            // AuthMiddleware accepted the upgrade request, so the caller is known.
            guard let caller = context.requestContext.caller else { return }
            do {
                var messages = inbound.messages(maxSize: maxMessageBytes).makeAsyncIterator()
                while let message = try await messages.next() {
                    let text: String
                    switch message {
                    case .text(let string): text = string
                    case .binary(var buffer): text = buffer.readString(length: buffer.readableBytes) ?? ""
                    }
                    switch try await handle(text, outbound, log: log) {
                    case .keepOpen:
                        continue
                    case .closed:
                        return
                    case .execute(let object):
                        try await execute(object, outbound, caller: caller, whileConnected: messages, log: log)
                        return
                    }
                }
            } catch {
                log.error(.server, "WebSocket error: \(error)")
            }
        }
    }

    private enum Next {
        case keepOpen, closed
        case execute([String: Any])
    }

    /// What one client message asks for; invalid JSON closes the connection here.
    private func handle(_ text: String, _ outbound: WebSocketOutboundWriter, log: Logger) async throws -> Next {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            try await send(StreamEvent(.error, "Invalid JSON message", phase: nil), outbound)
            try await outbound.close(.unacceptableData, reason: "Invalid JSON")
            return .closed
        }
        let type = object["type"] as? String ?? "\(object["type"] ?? "undefined")"
        switch type {
        case "stdin":
            log.debug(.server, "WebSocket stdin message received (ignored - future use)")
            return .keepOpen
        case "signal":
            log.debug(.server, "WebSocket signal message received: \(object["signal"] ?? "undefined") (ignored - future use)")
            return .keepOpen
        case "execute":
            return .execute(object)
        default:
            try await send(StreamEvent(.error, "Unknown message type: \(type)", phase: nil), outbound)
            return .keepOpen
        }
    }

    /// Runs the execution, then closes 1000. The client going away (its close frame or a
    /// dropped connection ends `inbound`) cancels the run, as a dropped SSE stream does,
    /// so the container does not outlive the client.
    private func execute(_ object: [String: Any], _ outbound: WebSocketOutboundWriter, caller: Caller,
                         whileConnected inbound: WebSocketInboundMessageStream.AsyncIterator, log: Logger) async throws {
        let cancel = CancelToken()
        let watcher = Task {
            var rest = inbound
            while (try? await rest.next()) != nil {}
            cancel.cancel()
        }
        await execute(object, outbound, caller: caller, cancel: cancel, log: log)
        watcher.cancel()
        try await outbound.close(.normalClosure, reason: "Execution complete")
    }

    private func execute(_ object: [String: Any], _ outbound: WebSocketOutboundWriter, caller: Caller, cancel: CancelToken,
                         log: Logger) async {
        let envelope: ExecutionEnvelope
        let lease: EngineLease
        do {
            envelope = try ExecutionEnvelope(object)
            log.debug(.server, "WebSocket execute: runtime=\(envelope.runtimeName)")
            log.debug(.server, envelope.codeSourceLine)
            lease = try await resources.lease(envelope, route: .webSocket, caller: caller, log: log)
        } catch {
            let message = WireJSON.message(of: error)
            log.debug(.server, "WebSocket stream error: \(message)")
            try? await send(StreamEvent(.error, message, phase: nil), outbound)
            return
        }
        var failure: String?
        do {
            try await resources.withPermit(.webSocket, cancel: cancel) {
                // No heartbeat of ours: the server's automatic pings find a dead peer.
                try await StreamRelay().relay(lease.engine.executeStream(try envelope.validRequest(), cancel: cancel), cancel: cancel,
                                              send: { try await send($0, outbound) }, heartbeat: nil)
            }
            log.debug(.server, "WebSocket stream completed")
        } catch {
            cancel.cancel()
            failure = WireJSON.message(of: error)
            log.debug(.server, "WebSocket stream error: \(failure!)")
        }
        // Before the last write: a client that stopped reading may block it.
        await lease.finish()
        if let failure { try? await send(StreamEvent(.error, failure, phase: nil), outbound) }
    }

    private func send(_ event: StreamEvent, _ outbound: WebSocketOutboundWriter) async throws {
        try await outbound.write(.text(WireJSON.event(event).rendered))
    }
}
