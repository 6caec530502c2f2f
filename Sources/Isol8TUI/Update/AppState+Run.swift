import Foundation
import Isol8Core

/// The run lifecycle: start, stream events, finish or fail, cancel; and the container that
/// a run leaves behind.
extension AppState {
    mutating func startRun() -> [Effect] {
        if let run {
            status.say("run #\(run.id) is still active; x cancels it", error: true)
            return []
        }
        let id = nextRunID
        nextRunID += 1
        let spec = knobs.runSpec(id: id)
        run = RunState(spec: spec, startedAt: now)
        output.clear()
        network.clear()
        history.runs.append(RunRecord(id: id, startedAt: now, knobs: knobs.snapshot, summary: knobs.summary))
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
            case .exit:
                run?.exitCode = Int(event.data)
            default:
                break  // a type from a newer server: nothing to show for it
            }
        }
    }

    mutating func finishRun(_ id: Int, _ completion: RunCompletion) -> [Effect] {
        guard let current = run, current.id == id else { return [] }
        output.finishStreams()
        let elapsed = Int(now.timeIntervalSince(current.startedAt) * 1000)
        let result: RunResult
        var containerId = current.containerId
        switch completion {
        case .streamed(let persistentId):
            result = RunResult(exitCode: current.exitCode, durationMs: elapsed, oomKilled: current.oomKilled,
                               timedOut: current.timedOut, cancelled: current.cancelled || current.cancelling,
                               error: current.errors.first)
            containerId = persistentId ?? containerId
        case .buffered(let executed):
            appendBuffered(executed.stdout, stream: .stdout)
            appendBuffered(executed.stderr, stream: .stderr)
            for entry in executed.networkLogs ?? [] { network.append(entry) }
            result = RunResult(exitCode: executed.exitCode, durationMs: executed.durationMs, truncated: executed.truncated,
                               oomKilled: executed.oomKilled ?? false, timedOut: executed.timedOut ?? false,
                               cancelled: current.cancelling)
            containerId = executed.containerId ?? containerId
        }
        close(current, result: result)
        guard let containerId else { return [] }
        container.track(containerId, requested: current.spec.options)
        return refreshContainer()
    }

    mutating func failRun(_ id: Int, _ message: String) {
        guard let current = run, current.id == id else { return }
        output.finishStreams()
        output.appendLine(AppState.marker(message), kind: .marker)
        let elapsed = Int(now.timeIntervalSince(current.startedAt) * 1000)
        close(current, result: RunResult(exitCode: nil, durationMs: elapsed, cancelled: current.cancelling, error: message))
        status.say(message, error: true)
    }

    /// Debug lines go to the Debug pane while `debug` is on; the engine's "container created"
    /// line also tells which container the run uses, which the stream does not say.
    mutating func applyDebugLines(_ lines: [String]) -> [Effect] {
        var effects: [Effect] = []
        for line in lines {
            if knobs.options.debug { debug.appendLine(line, kind: .stdout) }
            guard let current = run, current.containerId == nil, let id = AppState.createdContainer(in: line) else { continue }
            run?.containerId = id
            container.track(id, requested: current.spec.options)
            effects += refreshContainer()
        }
        return effects
    }

    mutating func tick(_ time: Date) -> [Effect] {
        now = time
        return container.needsRefresh(at: now) ? refreshContainer() : []
    }

    mutating func refreshContainer() -> [Effect] {
        guard let id = container.id, container.phase == .live, !container.inFlight else { return [] }
        container.inFlight = true
        container.lastRequest = now
        return [.inspectContainer(id)]
    }

    mutating func containerInspected(_ snapshot: ContainerSnapshot) {
        guard snapshot.id == container.id else { return }
        container.snapshot = snapshot
        container.error = nil
        container.inFlight = false
    }

    /// Ends the active run and files its result and output in the history.
    private mutating func close(_ current: RunState, result: RunResult) {
        let tail = Array(output.buffer.suffix(RunRecord.keptOutputLines))
        history.update(current.id) {
            $0.result = result
            $0.output = tail
        }
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

    /// The id in the engine's `[Pool] Container <id> created for image: …` line.
    static func createdContainer(in line: String) -> String? {
        guard let range = line.range(of: "[Pool] Container "), line.contains(" created") else { return nil }
        let id = line[range.upperBound...].prefix { $0.isHexDigit }
        return id.count >= 12 ? String(id) : nil
    }
}
