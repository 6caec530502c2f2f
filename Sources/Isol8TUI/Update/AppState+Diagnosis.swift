import Isol8Core
import TerminalKit

/// The Diagnosis view and its one-key fixes: what the classifier found in the last run, and
/// the knob change that addresses it, applied as the `:` commands it names, then a new run.
extension AppState {
    /// The diagnoses of the last finished run (empty while none finished or it was clean).
    var lastDiagnoses: [Diagnosis] { history.lastFinished?.diagnoses ?? [] }

    mutating func openDiagnosis() {
        guard history.lastFinished != nil else {
            status.say("no run has finished yet; r runs the code", error: true)
            return
        }
        focus.overlays.append(.diagnosis(selected: 0))
    }

    mutating func handleDiagnosisKey(_ key: KeyEvent, selected: Int) -> [Effect] {
        let count = lastDiagnoses.count
        switch key {
        case .escape, .char("q"), .char("D"), .ctrl("c"):
            focus.overlays.removeLast()
        case .up, .char("k"):
            replaceTopOverlay(.diagnosis(selected: max(0, selected - 1)))
        case .down, .char("j"):
            replaceTopOverlay(.diagnosis(selected: min(max(0, count - 1), selected + 1)))
        case .enter, .char("F"):
            focus.overlays.removeLast()
            return applyFix(selected)
        default:
            break
        }
        return []
    }

    /// Applies the fix of diagnosis `index` of the last run and runs again; the knobs stay
    /// untouched when any of its commands is refused.
    mutating func applyFix(_ index: Int) -> [Effect] {
        if let run {
            status.say("run #\(run.id) is still active; x cancels it", error: true)
            return []
        }
        let diagnoses = lastDiagnoses
        guard diagnoses.indices.contains(index) else {
            status.say(history.lastFinished == nil ? "no run has finished yet; r runs the code"
                                                   : "nothing to fix: the last run shows no known failure", error: true)
            return []
        }
        guard let fix = diagnoses[index].fix else {
            status.say("\(diagnoses[index].failure.title) has no knob to fix it: D shows the advice", error: true)
            return []
        }
        let before = knobs
        var effects: [Effect] = []
        do {
            for command in fix.commands { effects += try execute(PromptCommand.parse(command)) }
        } catch {
            knobs = before
            status.say("fix \(fix.summary) refused: \(error)", error: true)
            return []
        }
        effects += startRun()
        status.say("fixed with \(fix.summary); running again")
        return effects
    }

    /// What the classifier reads about the run that just ended: stderr, setup output and the
    /// engine's notices from the Output pane, the engine's errors, the proxy's log and the knobs.
    func evidence(of run: RunState, result: RunResult) -> RunEvidence {
        var text = output.buffer.suffix(RunRecord.keptOutputLines)
            .filter { $0.kind != .stdout }.map(\.text).joined(separator: "\n")
        for error in run.errors + [result.error].compactMap({ $0 }) { text += "\n" + error }
        var evidence = RunEvidence(exitCode: result.exitCode, errorText: text, options: run.spec.options,
                                   runtime: KnobState.runtime(of: run.spec.flags))
        evidence.timedOut = result.timedOut
        evidence.oomKilled = result.oomKilled
        evidence.truncated = result.truncated
        evidence.network = network.entries
        evidence.streamed = run.spec.stream
        return evidence
    }
}
