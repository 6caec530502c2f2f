import Foundation
import Hummingbird
import HummingbirdWebSocket
import Isol8Core

/// `GET /execute/ws` (spec §6.5.2): one `execute` message per connection, events back as
/// text messages, then close 1000. Auth ran on the upgrade request (AuthMiddleware).
struct WebSocketRoutes: Sendable {
    let resources: ServerResources
    /// Largest client message accepted (an envelope with inline files).
    let maxMessageBytes: Int

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.ws("/execute/ws") { inbound, outbound, _ in
            DebugLog.debug("[Server] WebSocket connection established")
            defer { DebugLog.debug("[Server] WebSocket connection closed") }
            do {
                for try await message in inbound.messages(maxSize: maxMessageBytes) {
                    let text: String
                    switch message {
                    case .text(let string): text = string
                    case .binary(var buffer): text = buffer.readString(length: buffer.readableBytes) ?? ""
                    }
                    if try await handle(text, outbound) { return }
                }
            } catch {
                ServerConsole.error("[Server] WebSocket error: \(error)")
            }
        }
    }

    /// Handles one client message; true when the connection has been closed.
    private func handle(_ text: String, _ outbound: WebSocketOutboundWriter) async throws -> Bool {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            try await send(StreamEvent(.error, "Invalid JSON message", phase: nil), outbound)
            try await outbound.close(.unacceptableData, reason: "Invalid JSON")
            return true
        }
        let type = object["type"] as? String ?? "\(object["type"] ?? "undefined")"
        switch type {
        case "stdin":
            DebugLog.debug("[Server] WebSocket stdin message received (ignored - future use)")
            return false
        case "signal":
            DebugLog.debug("[Server] WebSocket signal message received: \(object["signal"] ?? "undefined") (ignored - future use)")
            return false
        case "execute":
            await execute(object, outbound)
            try await outbound.close(.normalClosure, reason: "Execution complete")
            return true
        default:
            try await send(StreamEvent(.error, "Unknown message type: \(type)", phase: nil), outbound)
            return false
        }
    }

    private func execute(_ object: [String: Any], _ outbound: WebSocketOutboundWriter) async {
        let envelope: ExecutionEnvelope
        let lease: EngineLease
        do {
            envelope = try ExecutionEnvelope(object)
            DebugLog.debug("[Server] WebSocket execute: runtime=\(envelope.runtimeName)")
            DebugLog.debug(envelope.codeSourceLine)
            lease = try await resources.lease(envelope, route: .webSocket)
        } catch {
            let message = WireJSON.message(of: error)
            DebugLog.debug("[Server] WebSocket stream error: \(message)")
            try? await send(StreamEvent(.error, message, phase: nil), outbound)
            return
        }
        let cancel = CancelToken()
        do {
            try await resources.withPermit(.webSocket) {
                for try await event in lease.engine.executeStream(try envelope.validRequest(), cancel: cancel) {
                    try await send(event, outbound)
                }
            }
            DebugLog.debug("[Server] WebSocket stream completed")
        } catch {
            cancel.cancel()
            let message = WireJSON.message(of: error)
            DebugLog.debug("[Server] WebSocket stream error: \(message)")
            try? await send(StreamEvent(.error, message, phase: nil), outbound)
        }
        await lease.finish()
    }

    private func send(_ event: StreamEvent, _ outbound: WebSocketOutboundWriter) async throws {
        try await outbound.write(.text(WireJSON.event(event).rendered))
    }
}
