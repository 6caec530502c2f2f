import Foundation
import Isol8Core
import TerminalKit

/// Everything that can change the state: input from the terminal, the clock, and the
/// results of effects coming back from the ``EffectRunner``.
public enum Action: Sendable {
    // Terminal
    case key(KeyEvent)
    case mouse(MouseEvent)
    case resize(Size)
    /// The clock moved on (spinner, elapsed time, container refresh).
    case tick(Date)
    /// SIGHUP or SIGTERM: leave now, cleaning up as `q` does, without asking.
    case terminate

    // Effect results
    /// What a target answered (or why it did not).
    case targetProbed(TargetHealth)
    case codeLoaded(path: String, text: String)
    case codeLoadFailed(path: String, message: String)
    /// The `-e` / `--cmd` code as the editor left it.
    case inlineCodeEdited(String)
    /// Stream events of run `id`, batched in arrival order.
    case runEvents(id: Int, [StreamEvent])
    /// Output of run `id` that came faster than the screen could take was skipped (`bytes`
    /// of it, the oldest waiting); the Output pane would have dropped it anyway.
    case runOutputSkipped(id: Int, bytes: Int)
    /// The `/sandbox` tree of a sandbox, or a file of it, or why not.
    case filesListed(sandbox: String, [SandboxFile])
    case fileRead(sandbox: String, path: String, Data)
    /// A file operation (list, read, download, upload) ended; `failure` says why it failed.
    case fileOperationDone(String, failure: String?)
    /// The shell opened in a container ended: its exit code, or why it could not run.
    case shellEnded(container: String, exitCode: Int?, failure: String?)
    /// Run `id` got its container (before its output), so the Container pane can follow it.
    case runContainer(id: Int, containerId: String)
    /// Run `id` ended normally: with the buffered result (no-stream) or after its stream.
    case runFinished(id: Int, RunCompletion)
    /// Run `id` failed before or while running (validation, Docker, engine).
    case runFailed(id: Int, message: String)
    /// Lines the engines logged (their loggers write into the Debug pane).
    case debugLines([String])
    /// Lines of a server target's own log (`isol8 serve`'s debug lines), shown whatever the
    /// `debug` knob says: the knob is about this TUI's runs.
    case serverLogLines(target: String, [String])
    /// A server target's log stopped or was never offered; `message` says why.
    case serverLogEnded(target: String, message: String)
    case containerInspected(ContainerSnapshot)
    /// The daemon reported `action` (start, exec_start, die, oom, destroy …) for a container.
    case containerEvent(id: String, action: String)
    /// Docker no longer knows the container.
    case containerGone(id: String)
    case containerInspectFailed(id: String, message: String)
    /// A theme to use; `warning` says why it is not the one asked for (a broken file: the
    /// message names the file and the bad key, and the theme is the default).
    case themeLoaded(name: String, theme: Theme, warning: String?)
    case outputSaved(path: String)
    /// A `:copy` landed: in the clipboard, or in a file.
    case copied(format: RunExport.Format, destination: String)
    /// What the target's Sandboxes list holds now (or why it could not say).
    case sandboxesListed(target: String, [SandboxSummary])
    case sandboxesListFailed(target: String, message: String)
    /// A stop or remove finished; `failure` says why it did not.
    case sandboxLifecycleDone(SandboxLifecycle, failure: String?)
    /// `--attach` found its sandbox, or did not.
    case sandboxResolved(SandboxSummary)
    case sandboxNotFound(String)
    /// The target reported an event that may change the Sandboxes list.
    case sandboxesChanged
    /// An effect failed in a way only the status line needs to know.
    case effectFailed(String)
}

/// How a run that was not an engine failure ended.
public enum RunCompletion: Sendable {
    /// The stream ended (its `exit` event carried the code).
    case streamed
    /// `execute` returned.
    case buffered(ExecutionResult)
}
