/// Lists a target's sandboxes and manages their lifecycle, for the TUI's Sandboxes view. Each
/// target supplies one (Docker: `DockerSandboxLister`; server: `RemoteSessionLister`), so no
/// front end talks to Docker or a server itself.
public protocol SandboxLister: Sendable {
    /// Every isol8 sandbox the target has, in no particular order.
    func list() async throws -> [SandboxSummary]
    /// Calls `onChange` whenever the list may have changed, until `cancel` fires; returns at
    /// once on a target that streams no events (the caller then refreshes now and then).
    func watch(cancel: CancelToken, onChange: @escaping @Sendable () -> Void) async throws
    /// Stops the sandbox (a server session cannot be stopped without removing it).
    func stop(_ id: String) async throws
    /// Removes the sandbox and everything in it.
    func remove(_ id: String) async throws
}
