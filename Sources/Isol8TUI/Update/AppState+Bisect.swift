import Isol8Core

/// `:bisect`: with a passing and a failing run marked in History, re-run with subsets of the
/// knobs they differ in until the smallest change that flips the outcome is found. Every
/// bisection run is an ordinary run (kept in History); the knobs are restored at the end.
extension AppState {
    mutating func startBisection() throws -> [Effect] {
        guard run == nil else { throw KnobError("bisect: wait for run #\(run!.id) to end (x cancels it)") }
        let marked = history.marked.compactMap(history.record)
        let results = marked.compactMap(\.result)
        guard marked.count == 2, results.count == 2 else {
            throw KnobError("bisect: mark a passing and a failing finished run in History first (space on each)")
        }
        let passed = results.map(AppState.passed)
        guard passed[0] != passed[1] else {
            throw KnobError("bisect: runs #\(marked[0].id) and #\(marked[1].id) both \(passed[0] ? "pass" : "fail"); mark one of each")
        }
        let (good, bad) = passed[0] ? (marked[0], marked[1]) : (marked[1], marked[0])
        let failing = Dictionary(bad.knobs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        var changes: [Bisection.Change] = []
        var fixed: [String] = []
        for knob in good.knobs {
            guard let other = failing[knob.key], other != knob.value else { continue }
            if AppState.reapplicable(knob.key, knob.value) && AppState.reapplicable(knob.key, other) {
                changes.append(Bisection.Change(key: knob.key, passing: knob.value, failing: other))
            } else {
                fixed.append(knob.key)
            }
        }
        guard !changes.isEmpty else {
            throw KnobError("bisect: runs #\(good.id) and #\(bad.id) differ in no knob a run can set"
                            + (fixed.isEmpty ? "" : " (only in \(fixed.joined(separator: ", ")))") + "; the code or the target changed")
        }
        bisection = Bisection(passingRun: good.id, failingRun: bad.id, changes: changes)
        bisectionKnobs = knobs
        if !fixed.isEmpty { status.say("bisect: \(fixed.joined(separator: ", ")) stay as they are now") }
        return nextBisectionRun()
    }

    /// After run `id` ended: the next bisection step, if it was one.
    mutating func continueBisection(after id: Int) -> [Effect] {
        guard var current = bisection, current.pendingRun == id, let result = history.record(id)?.result else { return [] }
        current.finished(passed: AppState.passed(result))
        bisection = current
        return nextBisectionRun()
    }

    private mutating func nextBisectionRun() -> [Effect] {
        guard var current = bisection, let saved = bisectionKnobs else { return [] }
        guard let trial = current.nextTrial() else {
            knobs = saved
            bisection = nil
            bisectionKnobs = nil
            if let verdict = current.verdict {
                status.say("bisect #\(current.passingRun)…#\(current.failingRun): \(verdict.summary) (runs \(current.runs.map { "#\($0)" }.joined(separator: ", ")))")
            }
            return []
        }
        var trialKnobs = saved
        let trying = Set(trial.map(\.key))
        for change in current.changes {
            AppState.apply(change.key, trying.contains(change.key) ? change.failing : change.passing, to: &trialKnobs)
        }
        knobs = trialKnobs
        let effects = startRun()
        if case .startRun(let spec)? = effects.first { current.started(spec.id) }
        bisection = current
        status.say("bisect: run #\(nextRunID - 1) tries " + (trial.isEmpty ? "the passing knobs" : trial.map { "\($0.key) \($0.failing)" }.joined(separator: ", ")))
        return effects
    }

    /// A run passes when its program exits 0 on its own.
    static func passed(_ result: RunResult) -> Bool {
        result.exitCode == 0 && !result.timedOut && !result.oomKilled && !result.cancelled && result.error == nil
    }

    /// Whether the shown value of catalog option `key` reads back as the same value.
    private static func reapplicable(_ key: String, _ shown: String) -> Bool {
        guard let option = OptionCatalog.option(key), option.knob != nil, let value = try? option.parse([shown], limits: nil) else { return false }
        return option.display(value) == shown
    }

    private static func apply(_ key: String, _ shown: String, to knobs: inout KnobState) {
        guard let option = OptionCatalog.option(key), let value = try? option.parse([shown], limits: nil) else { return }
        knobs.set(option, to: value)
    }
}
