import Foundation

/// Whether an isol8 server streams over WebSocket (compat §7 `wsAvailable`): unknown until
/// the first stream tries, then remembered for the engine's life.
final class WebSocketAvailability: @unchecked Sendable {
    enum State { case unknown, available, unavailable }

    private let lock = NSLock()
    private var current = State.unknown

    var state: State { lock.withLock { current } }

    func markAvailable() { lock.withLock { current = .available } }

    /// Falls back to SSE only while nothing is known; true when this call decided it.
    func markUnavailableIfUnknown() -> Bool {
        lock.withLock {
            guard current == .unknown else { return false }
            current = .unavailable
            return true
        }
    }
}
