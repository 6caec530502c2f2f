/// What produced a line of the output pane; decides its colour and prefix.
public enum OutputKind: Hashable, Sendable {
    case stdout, stderr
    /// Output of the setup phase (package installs, setup scripts), either stream.
    case setup
    /// A line the engine or the TUI wrote about the run: timeout, OOM, truncation, cancel.
    case marker
}
