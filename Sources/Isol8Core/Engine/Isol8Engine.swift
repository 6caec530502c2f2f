import Foundation

/// Everything that runs code goes through this: the local Docker engine and the
/// remote engine (an isol8 server) look the same to the CLI, the server and the TUI.
public protocol Isol8Engine: Sendable {
    func start() async throws
    func stop() async
    func execute(_ request: ExecutionRequest) async throws -> ExecutionResult
    /// Streams events; cancelling the consuming task (or `cancel`) stops the run.
    func executeStream(_ request: ExecutionRequest, cancel: CancelToken) -> AsyncThrowingStream<StreamEvent, Error>
    func putFile(_ path: String, _ data: Data) async throws
    func getFile(_ path: String) async throws -> Data
}

extension Isol8Engine {
    public func executeStream(_ request: ExecutionRequest) -> AsyncThrowingStream<StreamEvent, Error> {
        executeStream(request, cancel: CancelToken())
    }
}
