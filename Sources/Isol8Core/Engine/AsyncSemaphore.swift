import Foundation

/// FIFO counting semaphore for async code (compat §4.4).
public actor AsyncSemaphore {
    public let max: Int
    private var current = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(max: Int) throws {
        guard max >= 1 else { throw Isol8Error.invalidOption("Semaphore max must be >= 1") }
        self.max = max
    }

    public var available: Int { max - current }
    public var pending: Int { waiters.count }

    public func acquire() async {
        if current < max {
            current += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Hands the permit straight to the oldest waiter, or frees it.
    public func release() {
        if waiters.isEmpty {
            current = Swift.max(0, current - 1)
        } else {
            waiters.removeFirst().resume()
        }
    }
}
