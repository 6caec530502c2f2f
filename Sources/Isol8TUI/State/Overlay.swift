import TerminalKit

/// Something drawn over the panes that takes the keys until Esc closes it. Overlays stack:
/// the focus stack's top gets every key.
public enum Overlay: Sendable {
    /// The `?` help, scrolled to a row.
    case help(scroll: Int)
    /// The `:` or `/` prompt.
    case prompt(PromptState)
    /// "Quit while a run is active?"
    case confirmQuit(Dialog)
    /// What differs between two runs.
    case diff(DiffState)
    /// The Targets list (its rows and selection live in ``TargetState``).
    case targets
    /// The failure classes of the last finished run, one selected for its fix.
    case diagnosis(selected: Int)
    /// The network rules, one selected (deny rules first, then allow), to reorder or remove.
    case rules(selected: Int)
    /// A past run's own output, scrolled to a line.
    case runOutput(run: Int, firstLine: Int)
    /// The debugging guide's steps, ticked by what the session did.
    case workflow
    /// The `/sandbox` tree of the followed container, or one of its files.
    case files(FilesState)
    /// The Sandboxes list (its rows and selection live in ``SandboxesState``).
    case sandboxes
    /// "Stop / remove this sandbox?" over the Sandboxes list.
    case confirmSandbox(Dialog, SandboxLifecycle)
}
