import Foundation

/// The thread-safe queue effects answer through. Any thread may send; the UI thread drains.
/// Consecutive stream events of one run (and consecutive debug or server log lines) merge into one action,
/// so a flood of chunks reaches the reducer in batches, and the wake callback fires only when
/// the queue goes from empty to non-empty.
public final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Action] = []
    private var wake: @Sendable () -> Void

    /// Creates a mailbox; `wake` interrupts the UI thread's wait (e.g. `CursesTerminal.wake`).
    public init(wake: @escaping @Sendable () -> Void = {}) {
        self.wake = wake
    }

    /// Replaces the wake callback (the terminal exists only after the mailbox).
    public func setWake(_ newWake: @escaping @Sendable () -> Void) {
        lock.withLock { wake = newWake }
    }

    /// Queues an action.
    public func send(_ action: Action) {
        let callback: (@Sendable () -> Void)? = lock.withLock {
            let wasEmpty = queue.isEmpty
            switch (queue.last, action) {
            case (.runEvents(let id, var events)?, .runEvents(let newID, let new)) where id == newID:
                // Drop the queue's reference first so the append happens in place: a flood
                // must not copy the growing batch on every chunk.
                queue[queue.count - 1] = .debugLines([])
                events.append(contentsOf: new)
                queue[queue.count - 1] = .runEvents(id: id, events)
            case (.debugLines(var lines)?, .debugLines(let new)):
                queue[queue.count - 1] = .debugLines([])
                lines.append(contentsOf: new)
                queue[queue.count - 1] = .debugLines(lines)
            case (.serverLogLines(let target, var lines)?, .serverLogLines(let newTarget, let new)) where target == newTarget:
                queue[queue.count - 1] = .debugLines([])
                lines.append(contentsOf: new)
                queue[queue.count - 1] = .serverLogLines(target: target, lines)
            default:
                queue.append(action)
            }
            return wasEmpty ? wake : nil
        }
        callback?()
    }

    /// Takes everything queued, oldest first.
    public func drain() -> [Action] {
        lock.withLock {
            defer { queue = [] }
            return queue
        }
    }
}
