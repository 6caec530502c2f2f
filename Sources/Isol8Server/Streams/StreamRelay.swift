import Foundation
import Isol8Core

/// Carries a run's events to a streaming client (SSE or WebSocket) that may read slowly,
/// stop reading or vanish. The engine's events are drained into a queue of at most
/// `maxBufferedBytes`; a client that falls further behind ends the run (its container and
/// slot are released rather than its output piling up in the server). With a `heartbeat`,
/// one is sent after `heartbeatMs` to `2 × heartbeatMs` without output, so a peer that is gone
/// makes a write fail within a few heartbeats and the run is cancelled.
struct StreamRelay: Sendable {
    /// The client fell `limit` bytes behind; the run was cancelled.
    struct ClientTooSlow: Error, CustomStringConvertible {
        let limit: Int
        var description: String {
            "The client stopped reading: more than \(limit) bytes of output were waiting, so the run was stopped"
        }
    }

    static let defaultMaxBufferedBytes = 8 * 1024 * 1024
    static let defaultHeartbeatMs = 2_000

    var maxBufferedBytes = StreamRelay.defaultMaxBufferedBytes
    var heartbeatMs = StreamRelay.defaultHeartbeatMs

    private enum Role { case producer, heartbeat, consumer }

    /// Returns once every event was sent; throws the engine's error after the events before
    /// it were sent, `ClientTooSlow`, or the error of a failed `send`. `cancel` is fired on
    /// every early end so the run stops at once.
    func relay(_ events: AsyncThrowingStream<StreamEvent, Error>, cancel: CancelToken,
               send: @escaping @Sendable (StreamEvent) async throws -> Void,
               heartbeat: (@Sendable () async throws -> Void)?) async throws {
        let queue = RelayQueue(limit: maxBufferedBytes)
        let heartbeatMs = heartbeatMs
        do {
            try await withThrowingTaskGroup(of: Role.self) { group in
                group.addTask {
                    do {
                        for try await event in events {
                            guard queue.push(.event(event)) else {
                                // Stop the run now, not when the stuck write gives up.
                                cancel.cancel()
                                throw ClientTooSlow(limit: queue.limit)
                            }
                        }
                        queue.finish()
                    } catch let slow as ClientTooSlow {
                        throw slow
                    } catch {
                        queue.fail(error)
                    }
                    return .producer
                }
                if heartbeat != nil {
                    group.addTask {
                        while !Task.isCancelled {
                            try await Task.sleep(nanoseconds: UInt64(heartbeatMs) * 1_000_000)
                            queue.pushHeartbeatIfIdle()
                        }
                        return .heartbeat
                    }
                }
                group.addTask {
                    for await item in queue.items {
                        switch item {
                        case .event(let event): try await send(event)
                        case .heartbeat: try await heartbeat?()
                        case .failure(let error): throw error
                        }
                        queue.consumed(item)
                    }
                    return .consumer
                }
                while let role = try await group.next() {
                    if role == .consumer { break }
                }
                group.cancelAll()
            }
        } catch {
            cancel.cancel()
            throw error
        }
    }
}

/// The relay's queue: unbounded as a stream, bounded by the byte count it admits.
private final class RelayQueue: @unchecked Sendable {
    enum Item: Sendable {
        case event(StreamEvent)
        case heartbeat
        case failure(any Error)

        var size: Int {
            if case .event(let event) = self { return event.data.utf8.count + 64 }
            return 0
        }
    }

    let limit: Int
    let items: AsyncStream<Item>
    private let continuation: AsyncStream<Item>.Continuation
    private let lock = NSLock()
    private var pendingBytes = 0
    private var pendingItems = 0
    private var sentSinceLastCheck = false

    init(limit: Int) {
        self.limit = limit
        (items, continuation) = AsyncStream.makeStream(of: Item.self)
    }

    /// False when admitting the item would put more than `limit` bytes in waiting.
    func push(_ item: Item) -> Bool {
        let admitted = lock.withLock { () -> Bool in
            guard pendingBytes + item.size <= limit else { return false }
            pendingBytes += item.size
            pendingItems += 1
            return true
        }
        if admitted { continuation.yield(item) }
        return admitted
    }

    /// A heartbeat only when nothing was sent since the last call and nothing waits: a
    /// stream that is moving needs none, and one that cannot be written yet is pointless.
    func pushHeartbeatIfIdle() {
        let idle = lock.withLock { () -> Bool in
            defer { sentSinceLastCheck = false }
            guard pendingItems == 0, !sentSinceLastCheck else { return false }
            pendingItems += 1
            return true
        }
        if idle { continuation.yield(.heartbeat) }
    }

    func consumed(_ item: Item) {
        lock.withLock {
            pendingBytes -= item.size
            pendingItems -= 1
            sentSinceLastCheck = true
        }
    }

    func finish() { continuation.finish() }

    func fail(_ error: any Error) {
        continuation.yield(.failure(error))
        continuation.finish()
    }
}
