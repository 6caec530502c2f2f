import Foundation
import Isol8Core

/// The cancel tokens of the runs in progress, so that a shutdown ends them all at once
/// instead of waiting for their timeouts; once closed, no new run starts.
final class InFlightRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [ObjectIdentifier: CancelToken] = [:]
    private var closed = false

    var isClosed: Bool { lock.withLock { closed } }

    /// Registers a starting run; false once the server is shutting down.
    func begin(_ token: CancelToken) -> Bool {
        lock.withLock {
            guard !closed else { return false }
            tokens[ObjectIdentifier(token)] = token
            return true
        }
    }

    func end(_ token: CancelToken) {
        _ = lock.withLock { tokens.removeValue(forKey: ObjectIdentifier(token)) }
    }

    /// Cancels every run in progress and refuses new ones; returns how many were cancelled.
    func close() -> Int {
        let running = lock.withLock {
            closed = true
            return Array(tokens.values)
        }
        for token in running { token.cancel() }
        return running.count
    }
}
