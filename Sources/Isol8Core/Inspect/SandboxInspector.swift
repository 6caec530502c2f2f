import Foundation

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
    /// The `/sandbox` tree of `id`, depth first, at most `SandboxFile.listLimit` entries.
    func files(_ id: String) async throws -> [SandboxFile]
    /// A regular file of `id` under `/sandbox` or `/tmp`, within the read limits (devices,
    /// FIFOs and sockets are refused by type, big files by size, slow reads by time).
    func readFile(_ id: String, path: String) async throws -> Data
    /// Writes `data` to `path` under `/sandbox` as the sandbox user, whole or not at all.
    func writeFile(_ id: String, path: String, data: Data) async throws
}

extension ContainerInspector: SandboxInspector {
    public func shell(_ id: String, on terminal: HostTerminal) async throws -> Int? {
        try await TerminalExec(client: client).run(container: id, command: ["/bin/sh", "-c", "command -v bash >/dev/null && exec bash || exec sh"],
                                                   user: "sandbox", workdir: "/sandbox", terminal: terminal)
    }

    public func files(_ id: String) async throws -> [SandboxFile] {
        let output = try await client.run(id, ExecSpec(cmd: SandboxFile.findCommand))
        guard output.exitCode == 0 else { throw Isol8Error.fileRead(path: "/sandbox", stderr: output.stderrText, exitCode: output.exitCode) }
        return SandboxFile.parse(findOutput: output.stdout)
    }

    public func readFile(_ id: String, path: String) async throws -> Data {
        try await SandboxFileReader(client: client, containerID: id, limits: FileReadLimits()).read(try SandboxPath.readable(path))
    }

    public func writeFile(_ id: String, path: String, data: Data) async throws {
        try await SandboxFileWriter(client: client, containerID: id).write(data, to: try SandboxPath.writable(path))
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
