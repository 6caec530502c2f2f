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
}
