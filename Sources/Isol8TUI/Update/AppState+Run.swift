import Foundation
import Isol8Core

/// The run lifecycle: start, stream events, finish or fail, cancel; and the container that
/// a run leaves behind.
extension AppState {
    /// `command`, from `:exec`, runs instead of the code (in the attached sandbox).
    mutating func startRun(command: String? = nil) -> [Effect] {
        if let run {
            status.say("run #\(run.id) is still active; x cancels it", error: true)
            return []
        }
        if let refusal = attachedRunRefusal {
            status.say(refusal, error: true)
            return []
        }
        let id = nextRunID
        nextRunID += 1
        var spec = knobs.runSpec(id: id)
        if let attached {
            spec.attached = attached
            if let runtime = attached.runtime { spec.flags.runtime = runtime.rawValue }
        }
        if let command {
            // A command alone would ask for bash; the sandbox is bound to the runtime it has.
            spec.flags.runtime = spec.flags.runtime ?? knobs.runtime.rawValue
            spec.flags.replaceCode(withCommand: command)
        }
        run = RunState(spec: spec, startedAt: now)
        output.clear()
        network.clear()
        network.rules = spec.options.networkRules
        history.runs.append(RunRecord(id: id, startedAt: now, knobs: knobs.snapshot, summary: command.map { "exec \($0)" } ?? knobs.summary))
        history.list.select(history.runs.count - 1, count: history.runs.count, height: viewport(.history).height - 1)
        status.message = nil
        return [.startRun(spec)]
    }

    mutating func cancelRun() -> [Effect] {
        guard let current = run else {
            status.say("nothing is running (q quits)")
            return []
        }
        guard !current.cancelling else { return [] }
        run?.cancelling = true
        status.say("cancelling run #\(current.id)…")
        return [.cancelRun(current.id)]
    }

    mutating func applyRunEvents(_ id: Int, _ events: [StreamEvent]) {
        guard run?.id == id else { return }
        for event in events {
            switch event.type {
            case .stdout, .stderr:
                output.append(untrusted: event.data, stream: event.type, phase: event.phase ?? .code)
            case .network:
                if let entry = try? JSONDecoder().decode(NetworkLogEntry.self, from: Data(event.data.utf8)) {
                    network.append(entry)
                } else {
                    debug.appendLine("[TUI] unreadable network event: \(event.data)", kind: .stderr)
                }
            case .error:
                let text = event.data
                if text.contains("TIMED OUT") {
                    run?.timedOut = true
                } else if text.contains("OUT OF MEMORY") {
                    run?.oomKilled = true
                } else if text.contains("CANCELLED") {
                    run?.cancelled = true
                } else {
                    run?.errors.append(text)
                }
                output.appendLine(AppState.marker(text), kind: .marker)
            case .exit where event.phase == .setup && event.data == "0":
                // A setup script finished; the code's own events follow.
                output.appendLine(AppState.marker("setup finished (exit 0)"), kind: .setup)
            case .exit:
                run?.exitCode = Int(event.data)  // a failed setup's exit ends the stream: it is the run's
            default:
                break  // a type from a newer server: nothing to show for it
            }
        }
    }

    mutating func finishRun(_ id: Int, _ completion: RunCompletion) -> [Effect] {
        guard let current = run, current.id == id else { return [] }
        output.finishStreams()
        let elapsed = Int(now.timeIntervalSince(current.startedAt) * 1000)
        var containerId = current.containerId
        var result: RunResult
        switch completion {
        case .streamed:
            result = RunResult(exitCode: current.exitCode, durationMs: elapsed, oomKilled: current.oomKilled,
                               timedOut: current.timedOut, cancelled: current.cancelled || current.cancelling,
                               error: current.errors.first)
        case .buffered(let executed):
            appendBuffered(executed.stdout, stream: .stdout)
            appendBuffered(executed.stderr, stream: .stderr)
            for entry in executed.networkLogs ?? [] { network.append(entry) }
            result = RunResult(exitCode: executed.exitCode, durationMs: executed.durationMs, truncated: executed.truncated,
                               oomKilled: executed.oomKilled ?? false, timedOut: executed.timedOut ?? false,
                               cancelled: current.cancelling)
            containerId = executed.containerId ?? containerId
        }
        // Streams are never cut by the engine; the pane's ring buffer is what drops output.
        if output.buffer.droppedLines > 0 { result.truncated = true }
        close(current, result: result)
        container.quietUntil = nil
        guard let containerId else { return [] }
        if current.spec.options.persist, !persisted.contains(where: { $0.container == containerId }) {
            persisted.append((containerId, id))
        }
        return follow(containerId, requested: current.spec.options)
    }

    mutating func failRun(_ id: Int, _ message: String) {
        guard let current = run, current.id == id else { return }
        output.finishStreams()
        output.appendLine(AppState.marker(message), kind: .marker)
        let elapsed = Int(now.timeIntervalSince(current.startedAt) * 1000)
        close(current, result: RunResult(exitCode: nil, durationMs: elapsed, cancelled: current.cancelling, error: message))
        status.say(message, error: true)
    }

    mutating func runGotContainer(_ id: Int, _ containerId: String) -> [Effect] {
        guard let current = run, current.id == id else { return [] }
        run?.containerId = containerId
        return follow(containerId, requested: current.spec.options, quietFor: ContainerState.runStartQuiet)
    }

    /// Points the Container pane at `id`: watched through daemon events, inspected now and
    /// on ticks (usage and processes change without events).
    /// With `quietFor`, the first look waits that long (a tick or the run's end asks for it).
    private mutating func follow(_ id: String, requested: Isol8Options, quietFor quiet: TimeInterval? = nil) -> [Effect] {
        let watch: [Effect] = id == container.id ? [] : [.watchContainer(id)]
        container.track(id, requested: requested)
        if let quiet { container.quietUntil = now.addingTimeInterval(quiet) }
        return watch + refreshContainer()
    }

    /// A daemon event for the followed container: `destroy` means it is gone; anything else
    /// (die, oom, kill, exec …) is worth a fresh look at once.
    mutating func containerEvent(_ id: String, _ action: String) -> [Effect] {
        guard id == container.id, container.phase == .live else { return [] }
        container.lastEvent = ContainerState.Event(action: action, at: now)
        if action == "destroy" {
            forgetPersisted(id)
            container.phase = .gone
            container.inFlight = false
            return []
        }
        container.lastRequest = nil
        return refreshContainer()
    }

    /// A persisted container that is gone is no longer left behind.
    mutating func forgetPersisted(_ id: String) {
        persisted.removeAll { $0.container == id }
    }

    mutating func tick(_ time: Date) -> [Effect] {
        now = time
        return (container.needsRefresh(at: now) ? refreshContainer() : []) + refreshSandboxesIfDue()
    }

    /// `S` in the Container pane: a shell in the container it shows, while that one runs.
    mutating func openShell() -> [Effect] {
        guard let id = container.id, container.phase == .live, container.snapshot?.running != false else {
            status.say("no running container to open a shell in: run with :set persist on (or persistent on) first", error: true)
            return []
        }
        return [.openShell(id)]
    }

    mutating func refreshContainer() -> [Effect] {
        guard let id = container.id, container.phase == .live, !container.inFlight, !container.isQuiet(at: now) else { return [] }
        container.inFlight = true
        container.lastRequest = now
        return [.inspectContainer(id)]
    }

    mutating func containerInspected(_ snapshot: ContainerSnapshot) {
        guard snapshot.id == container.id else { return }
        container.snapshot = snapshot
        if let usage = snapshot.usage { container.record(usage) }
        container.error = nil
        container.inFlight = false
    }

    /// Ends the active run and files its result and output in the history.
    private mutating func close(_ current: RunState, result: RunResult) {
        let tail = Array(output.buffer.suffix(RunRecord.keptOutputLines))
        let diagnoses = FailureClassifier.classify(evidence(of: current, result: result))
        history.update(current.id) {
            $0.result = result
            $0.output = tail
            $0.diagnoses = diagnoses
        }
        history.keepOutputWithinBudget()
        run = nil
        if result.cancelled { status.say("run #\(current.id) cancelled") }
    }

    /// Buffered output arrives whole; the engine's own notices in it (timeout, OOM,
    /// truncation) become marker lines.
    private mutating func appendBuffered(_ text: String, stream: StreamEvent.Kind) {
        guard !text.isEmpty else { return }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("--- ") && line.hasSuffix(" ---") {
                output.appendLine(String(line), kind: .marker)
            } else {
                output.append(untrusted: line + "\n", stream: stream, phase: .code)
            }
        }
    }

    /// Engine notices read as markers: `--- EXECUTION TIMED OUT ---`.
    static func marker(_ text: String) -> String {
        text.hasPrefix("---") ? text : "--- \(text) ---"
    }
}
