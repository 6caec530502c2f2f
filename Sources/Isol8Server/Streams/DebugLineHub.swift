import Foundation
import Isol8Core
import Logging

/// The server's log lines for `GET /debug/events`: every line the server logs, debug lines
/// included whether or not its console shows them, fanned out to the connected readers. A new
/// reader first gets the most recent lines. Memory is bounded twice: the recent lines are a
/// fixed number, and a reader that falls behind loses its oldest unsent lines instead of the
/// server holding them; lines are numbered, so the gap says how many it lost.
final class DebugLineHub: @unchecked Sendable {
    static let recentLimit = 200
    static let readerLimit = 1_000

    private let lock = NSLock()
    /// Held while a line is handed to the readers, so they get lines in order. `lock` is never
    /// held across a yield: a yield resumes the reader's task, which needs that task's status
    /// lock, and a reader's task being cancelled holds its status lock while its stream's
    /// termination handler takes `lock` to forget it. Yielding under `lock` deadlocked the
    /// two, and every log line after, so the server stopped answering.
    private let delivery = NSLock()
    private var recent: [DebugLine] = []
    private var readers: [UUID: AsyncStream<DebugLine>.Continuation] = [:]
    private var nextNumber = 1
    private var closed = false

    /// A handler that publishes into this hub at every level: the console has its own.
    func handler() -> LineLogHandler {
        LineLogHandler(logLevel: .trace) { [weak self] level, line in self?.publish(level, line) }
    }

    func publish(_ level: Logger.Level, _ text: String) {
        delivery.withLock {
            let (line, current) = lock.withLock { () -> (DebugLine, [AsyncStream<DebugLine>.Continuation]) in
                let line = DebugLine(number: nextNumber, level: level, text: text)
                nextNumber += 1
                recent.append(line)
                if recent.count > Self.recentLimit { recent.removeFirst(recent.count - Self.recentLimit) }
                return (line, Array(readers.values))
            }
            for reader in current { reader.yield(line) }
        }
    }

    /// Readers connected now.
    var readerCount: Int { lock.withLock { readers.count } }

    /// The recent lines, then every new one, until the reader stops iterating or the hub closes.
    func subscribe() -> AsyncStream<DebugLine> {
        let (stream, continuation) = AsyncStream.makeStream(of: DebugLine.self, bufferingPolicy: .bufferingNewest(Self.readerLimit))
        let id = UUID()
        let admitted = lock.withLock { () -> Bool in
            guard !closed else { return false }
            for line in recent { continuation.yield(line) }
            readers[id] = continuation
            return true
        }
        guard admitted else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return stream
    }

    /// Ends every reader's stream (the server is shutting down); returns how many there were.
    @discardableResult
    func close() -> Int {
        let ending = lock.withLock { () -> [AsyncStream<DebugLine>.Continuation] in
            closed = true
            defer { readers = [:] }
            return Array(readers.values)
        }
        for reader in ending { reader.finish() }
        return ending.count
    }

    private func remove(_ id: UUID) {
        _ = lock.withLock { readers.removeValue(forKey: id) }
    }
}

/// One numbered log line, as `GET /debug/events` sends it.
struct DebugLine: Sendable, Equatable {
    var number: Int
    var level: Logger.Level
    var text: String
    var time = Date()
}
