import Foundation
import Isol8Core

/// The thread-safe queue effects answer through. Any thread may send; the UI thread drains.
/// Consecutive stream events of one run (and consecutive debug or server log lines) merge into one action,
/// so a flood of chunks reaches the reducer in batches. The wake callback fires when the queue
/// goes from empty to non-empty, and for every action but lines (a run's events, debug and
/// server log lines): those the loop may leave waiting until its next frame (``waiting``), so a
/// flood wakes it once a frame instead of once a chunk, while a run's end still wakes it at once.
///
/// Output waiting here is bounded by `outputLimit` bytes: beyond it the oldest waiting
/// stdout/stderr text is skipped and a `runOutputSkipped` action says how much. With the
/// limit at the Output pane's own byte bound, what is skipped is exactly what the pane would
/// have dropped once the rest arrived, so a flood faster than the screen costs no memory.
public final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Action] = []
    private var wake: @Sendable () -> Void
    private let outputLimit: Int
    private var pendingOutput = 0
    private var holdsOtherThanLines = false

    /// Creates a mailbox; `wake` interrupts the UI thread's wait (e.g. `CursesTerminal.wake`).
    public init(outputLimit: Int = OutputBuffer().maxBytes, wake: @escaping @Sendable () -> Void = {}) {
        self.outputLimit = outputLimit
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
            if case .runEvents(_, let events) = action { pendingOutput += Self.outputBytes(events) }
            let isLines = Self.canWaitForFrame(action)
            if !isLines { holdsOtherThanLines = true }
            if queue.isEmpty || !Self.merge(action, into: &queue[queue.count - 1]) { queue.append(action) }
            if pendingOutput > outputLimit { skipOldestOutput() }
            return wasEmpty || !isLines ? wake : nil
        }
        callback?()
    }

    /// What waits in the queue, for the loop to decide how long it may sleep.
    public enum Waiting: Equatable {
        case nothing
        /// Only lines (a run's output and network entries, debug and server log lines): they can
        /// wait for the loop's next frame, and further ones do not wake it meanwhile.
        case linesOnly
        /// Something that wants the loop at once (a run's end, a key's answer, a listing).
        case urgent
    }

    public var waiting: Waiting {
        lock.withLock { queue.isEmpty ? .nothing : holdsOtherThanLines ? .urgent : .linesOnly }
    }

    /// Takes everything queued, oldest first.
    public func drain() -> [Action] {
        lock.withLock {
            defer {
                queue = []
                pendingOutput = 0
                holdsOtherThanLines = false
            }
            return queue
        }
    }

    /// With the lock held: drops the oldest output text until what waits fits the limit,
    /// leaving exits, errors and network events in place; a skip action goes where the
    /// first dropped text was, adding to one already there.
    private func skipOldestOutput() {
        var index = 0
        while pendingOutput > outputLimit, index < queue.count {
            guard case .runEvents(let id, var events) = queue[index] else {
                index += 1
                continue
            }
            queue[index] = .debugLines([])
            var skipped = 0
            var kept: [StreamEvent] = []
            kept.reserveCapacity(events.count)
            for event in events {
                let size = Self.outputBytes([event])
                if size > 0, pendingOutput > outputLimit {
                    skipped += size
                    pendingOutput -= size
                } else {
                    kept.append(event)
                }
            }
            events = kept
            queue[index] = .runEvents(id: id, events)
            if skipped > 0 {
                if index > 0, case .runOutputSkipped(let skipID, let bytes) = queue[index - 1], skipID == id {
                    queue[index - 1] = .runOutputSkipped(id: id, bytes: bytes + skipped)
                } else {
                    queue.insert(.runOutputSkipped(id: id, bytes: skipped), at: index)
                    index += 1
                }
            }
            index += 1
        }
    }

    /// Appends `action`'s lines to `last` when both are lines of the same kind (and run or
    /// target). `last` gives up its array before the append, so the append happens in place: a
    /// flood must not copy the growing batch on every chunk (switching over a copy of `last` did,
    /// which made a frame's worth of chunks quadratic).
    private static func merge(_ action: Action, into last: inout Action) -> Bool {
        switch action {
        case .runEvents(let newID, let new):
            guard case .runEvents(let id, var events) = last, id == newID else { return false }
            last = .debugLines([])
            events.append(contentsOf: new)
            last = .runEvents(id: id, events)
        case .debugLines(let new):
            guard case .debugLines(var lines) = last else { return false }
            last = .debugLines([])
            lines.append(contentsOf: new)
            last = .debugLines(lines)
        case .serverLogLines(let newTarget, let new):
            guard case .serverLogLines(let target, var lines) = last, target == newTarget else { return false }
            last = .debugLines([])
            lines.append(contentsOf: new)
            last = .serverLogLines(target: target, lines)
        default:
            return false
        }
        return true
    }

    private static func canWaitForFrame(_ action: Action) -> Bool {
        switch action {
        case .runEvents, .debugLines, .serverLogLines: return true
        default: return false
        }
    }

    private static func outputBytes(_ events: [StreamEvent]) -> Int {
        var bytes = 0
        for event in events where event.type == .stdout || event.type == .stderr { bytes += event.data.utf8.count }
        return bytes
    }
}
