import Isol8Core

/// I/O the reducer asks for, as data: the ``EffectRunner`` performs it and answers with
/// actions. Tests assert on these values instead of doing the I/O.
public enum Effect: Equatable, Sendable {
    /// Ask a target for its version, round-trip time and limits.
    case probeTarget(Target)
    /// Send the next runs (and inspections) to this target.
    case switchTarget(Target)
    /// Show this target's own log lines in the Debug pane (an isol8-tui server's
    /// `GET /debug/events`) instead of the previous target's; nothing to follow on Docker.
    case followServerLog(Target)
    /// Read the code file.
    case loadCode(String)
    /// Run code on an engine built from the spec's knobs.
    case startRun(RunSpec)
    /// Stop run `id` (its container is killed and removed unless `persist` is on).
    case cancelRun(Int)
    /// Inspect a container (state, limits, stats, processes, /sandbox).
    case inspectContainer(String)
    /// Follow the daemon's events for this container (and stop following the previous one).
    case watchContainer(String)
    /// Find the sandbox with this id (or id prefix) or name on the current target, to attach to it.
    case resolveSandbox(String)
    /// Stop or remove sandboxes on the current target (confirmed by the user).
    case sandboxLifecycle(SandboxLifecycle)
    /// List the current target's sandboxes.
    case listSandboxes
    /// Follow (or stop following) the current target's events that change the Sandboxes list.
    case watchSandboxes(Bool)
    /// Drop the engine kept for persistent mode (removing its container).
    case releasePersistentEngine
    /// List the `/sandbox` tree of this container (or session).
    case listFiles(String)
    /// Read one file of it for the viewer.
    case readFile(sandbox: String, path: String)
    /// Copy a file of it to a host path, or a host file into it.
    case downloadFile(sandbox: String, path: String, to: String)
    case uploadFile(sandbox: String, from: String, path: String)
    /// Suspend the screen and hand the terminal to a shell in this container until it exits.
    case openShell(String)
    /// Suspend the screen, run `$EDITOR` on the file, reload it.
    case openEditor(String)
    /// Suspend the screen, run `$EDITOR` on inline code in a scratch file named `*<fileExtension>`
    /// (so the editor colours it), and answer with the edited text.
    case editInline(text: String, fileExtension: String)
    /// Write text to a file.
    case saveOutput(path: String, text: String)
    /// Write the run the knobs describe as `format` to `path`, or to the clipboard (OSC 52).
    case copyRun(RunSpec, format: RunExport.Format, path: String?)
    /// Load a theme by name or path.
    case loadTheme(String)
    /// Capture the mouse, or give it back to the terminal.
    case setMouse(Bool)
    /// Repaint the whole screen.
    case redraw
    /// Leave the app.
    case quit
}
