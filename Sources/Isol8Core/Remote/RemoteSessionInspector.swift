import Foundation

/// Looks at sessions of an isol8 server: the snapshot comes from the server's
/// `GET /session/:id/container`. The server streams no lifecycle events, so `follow` returns
/// at once and the Container pane's own refresh keeps the view current.
public struct RemoteSessionInspector: SandboxInspector {
    let engine: RemoteEngine

    public func snapshot(_ id: String) async throws -> ContainerSnapshot {
        try await engine.sessionContainer(id)
    }

    public func follow(_ id: String, cancel: CancelToken, onEvent: @escaping @Sendable (String) -> Void) async throws {}

    public func shell(_ id: String, on terminal: HostTerminal) async throws -> Int? {
        throw RemoteError.noTerminal(host: engine.host)
    }

    public func files(_ id: String) async throws -> [SandboxFile] {
        try await engine.sessionFiles(id)
    }

    /// Through `GET /file`, which counts as use of the session, as isol8 has it.
    public func readFile(_ id: String, path: String) async throws -> Data {
        try await engine.getFile(path, session: id)
    }

    public func writeFile(_ id: String, path: String, data: Data) async throws {
        try await engine.putFile(path, data, session: id)
    }
}
