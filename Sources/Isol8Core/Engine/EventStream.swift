/// Runs a producer in a task and hands its events to the consumer; when the consumer
/// stops listening, the run is cancelled (container exec or HTTP stream aborted at once).
enum EventStream {
    static func make(cancel: CancelToken,
                     produce: @escaping @Sendable (_ emit: @escaping @Sendable (StreamEvent) -> Void) async throws -> Void)
        -> AsyncThrowingStream<StreamEvent, Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await produce { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { termination in
                if case .cancelled = termination {
                    cancel.cancel()
                    task.cancel()
                }
            }
        }
    }
}
