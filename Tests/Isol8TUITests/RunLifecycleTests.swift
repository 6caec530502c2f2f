import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// Start, stream, finish, fail and cancel, as the reducer sees them.
final class RunLifecycleTests: XCTestCase {
    func testRunStartsWithTheKnobsAndStreamsOutputInArrivalOrder() {
        var state = Fixture.state()
        guard let spec = startedSpec(state.press("r")) else { return }
        XCTAssertEqual(spec.id, 1)
        XCTAssertNotNil(state.run)
        XCTAssertEqual(state.history.runs.map(\.id), [1])

        state.send(.runEvents(id: 1, [
            StreamEvent(.stdout, "hello from the isol8 sandbox"),
            StreamEvent(.stderr, "this line goes to stderr\n"),
            StreamEvent(.stdout, "\npython 3.11.2\n"),
            StreamEvent(.stdout, "installing\n", phase: .setup),
        ]))
        XCTAssertEqual(state.outputTexts, ["hello from the isol8 sandbox", "this line goes to stderr", "python 3.11.2", "installing"])
        XCTAssertEqual(state.output.buffer.map(\.kind), [.stdout, .stderr, .stdout, .setup])

        state.advance(1.25)
        state.send(.runEvents(id: 1, [StreamEvent(.exit, "0")]), .runFinished(id: 1, .streamed))
        XCTAssertNil(state.run)
        let result = state.history.runs[0].result
        XCTAssertEqual(result?.exitCode, 0)
        XCTAssertEqual(result?.durationMs, 1250)
        XCTAssertEqual(state.history.runs[0].output.count, 4)
        XCTAssertTrue(state.screen.contains { $0.contains("run #1: exit 0 · 1.25s") })
    }

    func testF5AlsoRunsAndASecondRunWaitsForTheFirst() {
        var state = Fixture.state()
        XCTAssertNotNil(startedSpec(state.press("F5")))
        XCTAssertEqual(state.press("r"), [])
        XCTAssertTrue(state.status.isError)
        XCTAssertTrue(state.status.message?.contains("still active") == true)
    }

    func testEventTypesFromANewerServerAreNotShown() {
        var state = Fixture.state()
        state.press("r")
        state.send(.runEvents(id: 1, [StreamEvent(.stdout, "before\n"), StreamEvent(StreamEvent.Kind(rawValue: "telemetry"), "cpu=3"),
                                      StreamEvent(.stdout, "after\n")]))
        XCTAssertEqual(state.outputTexts, ["before", "after"])
        XCTAssertEqual(state.run?.errors, [])
    }

    func testTheSetupPhasesExitIsShownAsSetupFinished() {
        var state = Fixture.state()
        state.press("r")
        state.send(.runEvents(id: 1, [StreamEvent(.stdout, "installing\n", phase: .setup), StreamEvent(.exit, "0", phase: .setup),
                                      StreamEvent(.stdout, "code\n"), StreamEvent(.exit, "3")]),
                   .runFinished(id: 1, .streamed))
        XCTAssertEqual(state.output.buffer.map(\.kind), [.setup, .setup, .stdout])
        XCTAssertEqual(state.outputTexts, ["installing", "--- setup finished (exit 0) ---", "code"])
        XCTAssertEqual(state.history.runs[0].result?.exitCode, 3, "the code's exit is the run's")
        XCTAssertTrue(state.screen.contains { $0.contains("setup finished (exit 0)") })
    }

    func testAFailedSetupsExitIsTheRuns() {
        var state = Fixture.state()
        state.press("r")
        state.send(.runEvents(id: 1, [StreamEvent(.error, "Setup script failed (exit code 4)", phase: .setup),
                                      StreamEvent(.exit, "4", phase: .setup)]),
                   .runFinished(id: 1, .streamed))
        XCTAssertEqual(state.history.runs[0].result?.exitCode, 4)
        XCTAssertFalse(state.outputTexts.contains { $0.contains("setup finished") })
    }

    func testEventsOfAnOldRunAreIgnored() {
        var state = Fixture.state()
        state.press("r")
        state.send(.runEvents(id: 99, [StreamEvent(.stdout, "stale\n")]))
        XCTAssertTrue(state.outputTexts.isEmpty)
    }

    func testTimeoutIsMarkedAndFlagged() {
        var state = Fixture.state()
        state.press("r")
        state.send(.runEvents(id: 1, [StreamEvent(.stdout, "tick\n"), StreamEvent(.error, "EXECUTION TIMED OUT"),
                                      StreamEvent(.exit, "137")]),
                   .runFinished(id: 1, .streamed))
        XCTAssertEqual(state.output.buffer.last, OutputLine("--- EXECUTION TIMED OUT ---", kind: .marker))
        XCTAssertEqual(state.history.runs[0].result?.timedOut, true)
        XCTAssertTrue(state.screen.contains { $0.contains("exit 137") && $0.contains("TIMED OUT") })
    }

    func testOutOfMemoryIsMarkedAndFlagged() {
        var state = Fixture.state()
        state.press("r")
        let oom = "--- OUT OF MEMORY: the kernel killed the process at the 32m memory limit (raise --memory) ---"
        state.send(.runEvents(id: 1, [StreamEvent(.error, oom), StreamEvent(.exit, "137")]),
                   .runFinished(id: 1, .streamed))
        XCTAssertEqual(state.output.buffer.last?.kind, .marker)
        XCTAssertEqual(state.history.runs[0].result?.oomKilled, true)
        XCTAssertTrue(state.screen.contains { $0.contains("exit 137") && $0.contains("OOM") })
    }

    func testBufferedResultShowsTruncationAndEngineMarkers() {
        var state = Fixture.state(stream: false)
        guard let spec = startedSpec(state.press("r")) else { return }
        XCTAssertFalse(spec.stream)
        var result = ExecutionResult(stdout: "xxxx\n\n--- OUTPUT TRUNCATED (10 bytes, limit: 4) ---", stderr: "", exitCode: 0,
                                     durationMs: 321, truncated: true, executionId: "e", runtime: .python,
                                     timestamp: "t", containerId: nil)
        let entry = #"{"timestamp":"2024-01-01T10:00:00Z","method":"GET","host":"a.test","path":"/","action":"BLOCK","durationMs":0}"#
        result.networkLogs = [try! JSONDecoder().decode(NetworkLogEntry.self, from: Data(entry.utf8))]
        state.send(.runFinished(id: 1, .buffered(result)))
        XCTAssertEqual(state.outputTexts.first, "xxxx")
        XCTAssertTrue(state.output.buffer.contains(OutputLine("--- OUTPUT TRUNCATED (10 bytes, limit: 4) ---", kind: .marker)))
        XCTAssertEqual(state.network.entries.map(\.host), ["a.test"])
        XCTAssertEqual(state.history.runs[0].result, RunResult(exitCode: 0, durationMs: 321, truncated: true))
        XCTAssertTrue(state.screen.contains { $0.contains("exit 0") && $0.contains("truncated") })
    }

    func testEngineFailureEndsTheRunWithTheMessage() {
        var state = Fixture.state()
        state.press("r")
        state.send(.runFailed(id: 1, message: "Image isol8:python not found — run `isol8 setup`"))
        XCTAssertNil(state.run)
        XCTAssertEqual(state.history.runs[0].result?.error, "Image isol8:python not found — run `isol8 setup`")
        XCTAssertEqual(state.output.buffer.last?.kind, .marker)
        XCTAssertTrue(state.status.isError)
    }

    func testCancelAsksTheRunnerOnceAndTheUIStays() {
        var state = Fixture.state()
        state.press("r")
        XCTAssertEqual(state.press("x"), [.cancelRun(1)])
        XCTAssertEqual(state.press("ctrl-c"), [], "already cancelling")
        XCTAssertTrue(state.run?.cancelling == true)
        XCTAssertTrue(state.screen.contains { $0.contains("run #1 cancelling") })
        state.send(.runEvents(id: 1, [StreamEvent(.error, "EXECUTION CANCELLED"), StreamEvent(.exit, "137")]),
                   .runFinished(id: 1, .streamed))
        XCTAssertEqual(state.history.runs[0].result?.cancelled, true)
        XCTAssertTrue(state.screen.contains { $0.contains("cancelled") })
    }

    func testCtrlCWithoutARunDoesNotQuit() {
        var state = Fixture.state()
        XCTAssertEqual(state.press("ctrl-c"), [])
        XCTAssertEqual(state.press("x"), [])
    }

    func testQuitAsksFirstWhileARunIsActive() {
        var idle = Fixture.state()
        XCTAssertEqual(idle.press("q"), [.quit], "idle: quits at once")
        var state = Fixture.state()
        state.press("r")
        XCTAssertEqual(state.press("q"), [])
        guard case .confirmQuit? = state.focus.overlays.last else { return XCTFail("no confirmation") }
        XCTAssertTrue(state.screen.joined().contains("Quit and cancel it?"))
        XCTAssertEqual(state.press("esc"), [])
        XCTAssertTrue(state.focus.overlays.isEmpty)
        state.press("q")
        XCTAssertEqual(state.press("q"), [.quit], "q chooses [ Quit ]")
    }

    func testTheContainerNamedByTheEngineIsInspectedAndRefreshed() {
        var state = Fixture.state()
        state.press("r")
        let id = String(repeating: "ab", count: 32)
        XCTAssertEqual(state.send(.runContainer(id: 7, containerId: id)), [], "another run's container is not followed")
        let effects = state.send(.runContainer(id: 1, containerId: id))
        XCTAssertEqual(effects, [.watchContainer(id)], "watched at once, inspected only once the run's start has passed")
        XCTAssertEqual(state.container.requested?.memoryLimit, "512m")
        XCTAssertEqual(state.advance(0.2), [], "the run's start has the daemon to itself")
        XCTAssertEqual(state.advance(ContainerState.runStartQuiet - 0.2), [.inspectContainer(id)])
        XCTAssertEqual(state.advance(0.5), [], "one inspection at a time")
        state.send(.containerInspected(ContainerSnapshot(id: id, image: "isol8:python", state: "running", running: true)))
        XCTAssertEqual(state.advance(1), [])
        XCTAssertEqual(state.advance(2), [.inspectContainer(id)], "refreshed every two seconds")
        state.send(.containerGone(id: id))
        XCTAssertEqual(state.advance(5), [], "a removed container is not polled")
        XCTAssertEqual(state.container.phase, .gone)
    }

    func testAShortRunIsInspectedWhenItEnds() {
        var state = Fixture.state()
        state.press("r")
        let id = String(repeating: "ef", count: 32)
        XCTAssertEqual(state.send(.runContainer(id: 1, containerId: id)), [.watchContainer(id)])
        state.send(.runEvents(id: 1, [StreamEvent(.stdout, "1\n"), StreamEvent(.exit, "0")]))
        XCTAssertEqual(state.send(.runFinished(id: 1, .streamed)), [.inspectContainer(id)], "the end of the run is its first look")
    }

    func testDaemonEventsRefreshAtOnceAndDestroyMeansGone() {
        var state = Fixture.state()
        state.press("r")
        let id = String(repeating: "cd", count: 32)
        state.send(.runContainer(id: 1, containerId: id))
        XCTAssertEqual(state.send(.containerEvent(id: id, action: "start")), [], "the run's start is left alone")
        XCTAssertEqual(state.advance(ContainerState.runStartQuiet), [.inspectContainer(id)])
        XCTAssertEqual(state.send(.containerEvent(id: id, action: "die")), [], "an inspection is already on its way")
        state.send(.containerInspected(ContainerSnapshot(id: id, image: "isol8:python", state: "running", running: true)))
        XCTAssertEqual(state.advance(0.1), [.inspectContainer(id)], "the event asked for a fresh look before the two-second refresh")
        state.send(.containerInspected(ContainerSnapshot(id: id, image: "isol8:python", state: "exited", running: false, exitCode: 137)))
        XCTAssertEqual(state.send(.containerEvent(id: "other", action: "die")), [], "another container's events are ignored")
        XCTAssertEqual(state.send(.containerEvent(id: id, action: "oom")), [.inspectContainer(id)])
        XCTAssertEqual(state.container.lastEvent?.action, "oom")
        state.send(.containerEvent(id: id, action: "destroy"))
        XCTAssertEqual(state.container.phase, .gone)
        XCTAssertEqual(state.advance(5), [], "a destroyed container is not polled")
    }

    func testDebugLinesShowOnlyWhileDebugIsOn() {
        var state = Fixture.state()
        state.send(.debugLines(["[DEBUG] [Run] hidden"]))
        XCTAssertEqual(state.debug.lineCount, 0)
        state.command("set debug on")
        state.send(.debugLines(["[DEBUG] [Run] shown \u{1B}[31m"]))
        XCTAssertEqual(state.debug.buffer.map(\.text), ["[DEBUG] [Run] shown ␛[31m"], "sanitised like container output")
    }

    func testContainerBytesAreSanitisedBeforeReachingACell() {
        var state = Fixture.state()
        state.press("r")
        state.send(.runEvents(id: 1, [StreamEvent(.stdout, "\u{1B}]0;pwned\u{07}title\u{1B}[2J\tx\r\n\u{202E}abc\n")]))
        XCTAssertEqual(state.outputTexts, ["␛]0;pwned^Gtitle␛[2J    x", "<U+202E>abc"])
        XCTAssertFalse(state.screen.joined().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
