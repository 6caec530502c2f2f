import Foundation

/// Everything that runs code goes through this: the local Docker engine and the
/// remote engine (an isol8 server) look the same to the CLI, the server and the TUI.
public protocol Isol8Engine: Sendable {
    func start() async throws
    func stop() async
    /// A buffered run that `cancel` stops; `onContainer` hears which container it got as
    /// soon as there is one (never, on targets that do not say).
    func execute(_ request: ExecutionRequest, cancel: CancelToken,
                 onContainer: (@Sendable (String) -> Void)?) async throws -> ExecutionResult
    /// A streaming run that hands each event to `emit` on the thread that read it, and returns
    /// after the last one; `cancel` stops it. For a consumer that queues events anyway (the
    /// TUI's mailbox): no hop through a task per chunk.
    func executeStream(_ request: ExecutionRequest, cancel: CancelToken, onContainer: (@Sendable (String) -> Void)?,
                       emit: @escaping @Sendable (StreamEvent) -> Void) async throws
    func putFile(_ path: String, _ data: Data) async throws
    func getFile(_ path: String) async throws -> Data
    /// What the target's host can give one container, to refuse options beyond it before a
    /// container is made; nil when the target checks requests itself (an isol8 server).
    func targetLimits() async throws -> TargetLimits?
    /// How to look at this engine's sandboxes; nil when the target offers no inspection.
    var inspector: (any SandboxInspector)? { get }
}

extension Isol8Engine {
    public func execute(_ request: ExecutionRequest) async throws -> ExecutionResult {
        try await execute(request, cancel: CancelToken(), onContainer: nil)
    }

    /// Streams events; cancelling the consuming task (or `cancel`) stops the run.
    public func executeStream(_ request: ExecutionRequest, cancel: CancelToken = CancelToken(),
                              onContainer: (@Sendable (String) -> Void)? = nil) -> AsyncThrowingStream<StreamEvent, Error> {
        EventStream.make(cancel: cancel) { emit in
            try await executeStream(request, cancel: cancel, onContainer: onContainer, emit: emit)
        }
    }
}
