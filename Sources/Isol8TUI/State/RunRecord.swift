import Foundation

/// One run in the history: when, with which knobs, how it ended and the tail of its output.
public struct RunRecord: Hashable, Sendable {
    /// The run's number (1, 2, …).
    public var id: Int
    /// When it started.
    public var startedAt: Date
    /// Every knob as it was for this run, in Config-pane order (`key`, shown value).
    public var knobs: [KnobValue]
    /// One line for the history list (runtime and the limits people change most).
    public var summary: String
    /// `nil` while the run is active.
    public var result: RunResult?
    /// The last lines of the output, for diffs and for reading again (`o` in History).
    public var output: [OutputLine] = []
    /// The output was let go to keep History within `HistoryState.outputBudgetBytes`.
    public var outputReleased = false
    /// The failure classes found when it ended, headline first (empty for a clean run).
    public var diagnoses: [Diagnosis] = []

    /// Lines of output kept per run for diffs.
    public static let keptOutputLines = 5_000

    /// Creates a record for a run that just started.
    public init(id: Int, startedAt: Date, knobs: [KnobValue], summary: String) {
        self.id = id
        self.startedAt = startedAt
        self.knobs = knobs
        self.summary = summary
    }
}
