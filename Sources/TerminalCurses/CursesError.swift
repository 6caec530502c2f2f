/// Why ``CursesTerminal`` could not start.
public enum CursesError: Error, Hashable, Sendable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (piped, redirected, or run without a TTY).
    case notATerminal
    /// ncurses does not know the terminal type in `TERM`.
    case unknownTerminal(String)
    /// Another ``CursesTerminal`` is still open in this process.
    case alreadyOpen
    /// The wake pipe could not be created (`errno` given).
    case pipeFailed(Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the TUI needs an interactive terminal: stdin and stdout must be a TTY "
                + "(with docker, use `docker run -it`; with ssh, use `ssh -t`)"
        case .unknownTerminal(let term):
            let shown = term.isEmpty ? "(unset)" : "'\(term)'"
            return "TERM=\(shown) is not in the terminfo database; try TERM=xterm-256color"
        case .alreadyOpen:
            return "a terminal screen is already open in this process; shut it down first"
        case .pipeFailed(let code):
            return "could not create the wake pipe (errno \(code)); too many open files?"
        }
    }
}
