/// What a front end may learn about a sandbox besides running code in it: its state,
/// limits, usage, processes and files, and its lifecycle as it happens. Each target
/// supplies one; no front end talks to Docker or a server itself.
public protocol SandboxInspector: Sendable {
    /// Everything the Container pane shows about `id`; `DockerError.api(404, …)` when it is gone.
    func snapshot(_ id: String) async throws -> ContainerSnapshot
    /// Calls `onEvent` with each lifecycle action of `id` (`start`, `die`, `oom`, `destroy` …)
    /// until `cancel` fires.
    func follow(_ id: String, cancel: CancelToken, onEvent: @escaping @Sendable (String) -> Void) async throws
    /// `bash` (else `sh`) in `id` as the sandbox user in `/sandbox`, on `terminal` with a real
    /// TTY until it exits; its exit code.
    func shell(_ id: String, on terminal: HostTerminal) async throws -> Int?
}

extension ContainerInspector: SandboxInspector {
    public func shell(_ id: String, on terminal: HostTerminal) async throws -> Int? {
        try await TerminalExec(client: client).run(container: id, command: ["/bin/sh", "-c", "command -v bash >/dev/null && exec bash || exec sh"],
                                                   user: "sandbox", workdir: "/sandbox", terminal: terminal)
    }

    public func follow(_ id: String, cancel: CancelToken, onEvent: @escaping @Sendable (String) -> Void) async throws {
        // Lifecycle only: exec events would include the inspector's own (it lists /sandbox
        // with an exec), and each would ask for another snapshot.
        let lifecycle = ["start", "restart", "pause", "unpause", "kill", "oom", "die", "stop", "destroy"]
        try await client.events(filters: ["type": ["container"], "container": [id], "event": lifecycle], cancel: cancel) { event in
            if let action = event.Action { onEvent(action) }
        }
    }
}
