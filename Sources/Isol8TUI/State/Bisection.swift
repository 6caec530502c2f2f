import Isol8Core

/// Knob bisection between a passing and a failing run: which of the knobs they differ in
/// flips the outcome. Invariant while it runs: the passing values plus `applied` pass, and
/// adding `suspects` fails; each step tries half of the suspects. With one suspect left, it
/// is checked alone when other changes were applied on the way, so the answer is the
/// smallest change found, not merely the last one.
public struct Bisection: Sendable, Equatable {
    /// One knob that differs: its value in the passing and in the failing run.
    public struct Change: Sendable, Equatable {
        public var key: String
        public var passing: String
        public var failing: String
    }

    /// The answer, once there is one.
    public enum Verdict: Sendable, Equatable {
        /// This change alone turns the passing run into a failing one.
        case alone(Change)
        /// This change fails only together with `with`.
        case together(Change, with: [Change])
    }

    public let passingRun: Int
    public let failingRun: Int
    /// Every change bisected, in Config-pane order.
    public let changes: [Change]
    /// Changes known not to flip the outcome on their own, applied under the suspects.
    public private(set) var applied: [Change] = []
    public private(set) var suspects: [Change]
    /// What the run in flight tries, and its id.
    public private(set) var trying: [Change] = []
    public private(set) var pendingRun: Int?
    /// The bisection's own runs, in order.
    public private(set) var runs: [Int] = []
    /// The last step: the lone suspect checked without `applied`.
    private var checkingAlone = false
    public private(set) var verdict: Verdict?

    init(passingRun: Int, failingRun: Int, changes: [Change]) {
        self.passingRun = passingRun
        self.failingRun = failingRun
        self.changes = changes
        suspects = changes
    }

    /// The changes the next run sets to their failing values (the rest stay passing); nil
    /// once there is a verdict.
    mutating func nextTrial() -> [Change]? {
        guard verdict == nil else { return nil }
        if suspects.count == 1 {
            if applied.isEmpty {
                verdict = .alone(suspects[0])
                return nil
            }
            checkingAlone = true
            trying = suspects
        } else {
            trying = Array(suspects.prefix(suspects.count / 2))
            trying = applied + trying
        }
        return trying
    }

    /// Records that run `id` tries the current trial.
    mutating func started(_ id: Int) {
        pendingRun = id
        runs.append(id)
    }

    /// What run `pendingRun` showed.
    mutating func finished(passed: Bool) {
        pendingRun = nil
        if checkingAlone {
            verdict = passed ? .together(suspects[0], with: applied) : .alone(suspects[0])
            return
        }
        let half = Array(suspects.prefix(suspects.count / 2))
        if passed {
            applied += half
            suspects = Array(suspects.dropFirst(half.count))
        } else {
            suspects = half
        }
    }
}

extension Bisection.Verdict {
    /// One line for the status bar.
    var summary: String {
        switch self {
        case .alone(let change):
            return "\(change.key) \(change.passing) → \(change.failing) alone makes the run fail"
        case .together(let change, let others):
            return "\(change.key) \(change.passing) → \(change.failing) makes the run fail together with "
                + others.map { "\($0.key) → \($0.failing)" }.joined(separator: ", ")
        }
    }
}
