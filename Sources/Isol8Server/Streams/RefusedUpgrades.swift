import Foundation
import Hummingbird
import NIOCore

/// The router's answers to WebSocket upgrades it refused, until each connection sends its
/// reply. HummingbirdWebSocket runs the router to decide an upgrade but then answers every
/// refusal with a bare `400`; isol8 clients expect the router's own `401`/`403` JSON (compat §6.2), so
/// `UpgradeRefusalMiddleware` keeps that answer here and `RefusedUpgradeWriter` sends it
/// instead of the 400.
final class RefusedUpgrades: Sendable {
    struct Refusal: Sendable {
        var head: HTTPResponse
        var body: ByteBuffer
    }

    private let lock = NSLock()
    nonisolated(unsafe) private var byConnection: [ObjectIdentifier: Refusal] = [:]

    func store(_ refusal: Refusal, for channel: any Channel) {
        lock.withLock { byConnection[ObjectIdentifier(channel)] = refusal }
    }

    func take(for channel: any Channel) -> Refusal? {
        lock.withLock { byConnection.removeValue(forKey: ObjectIdentifier(channel)) }
    }
}
