/// How a run ended, as the status line and history show it.
public struct RunResult: Hashable, Sendable {
    /// The program's exit code; `nil` when the run failed before one existed.
    public var exitCode: Int?
    /// Wall time of the run in milliseconds.
    public var durationMs: Int
    /// Output went over `max-output` (buffered runs).
    public var truncated = false
    /// The kernel OOM killer fired.
    public var oomKilled = false
    /// The timeout killed the program.
    public var timedOut = false
    /// The user cancelled it.
    public var cancelled = false
    /// An engine or Docker error that stopped the run.
    public var error: String?

    /// Creates a result.
    public init(exitCode: Int?, durationMs: Int, truncated: Bool = false, oomKilled: Bool = false,
                timedOut: Bool = false, cancelled: Bool = false, error: String? = nil) {
        self.exitCode = exitCode
        self.durationMs = durationMs
        self.truncated = truncated
        self.oomKilled = oomKilled
        self.timedOut = timedOut
        self.cancelled = cancelled
        self.error = error
    }

    /// The fields a diff compares, by name, in display order.
    public var fields: [(name: String, value: String)] {
        [("exit", exitCode.map(String.init) ?? "-"),
         ("duration", Format.duration(ms: durationMs)),
         ("truncated", truncated ? "yes" : "no"),
         ("OOM", oomKilled ? "yes" : "no"),
         ("timed out", timedOut ? "yes" : "no"),
         ("cancelled", cancelled ? "yes" : "no"),
         ("error", error ?? "-")]
    }
}
