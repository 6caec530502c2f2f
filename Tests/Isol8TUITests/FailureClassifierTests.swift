import Foundation
import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// The failure classes, read from outputs captured from real `isol8 run`s
/// (`scripts/capture-diagnosis` writes DiagnosisCaptures/), and the one-key fix in the reducer.
final class FailureClassifierTests: XCTestCase {
    /// capture → headline class, a piece of the evidence it must quote, and its fix.
    private let expectations: [(capture: String, failure: FailureClass, saw: String, fix: [String]?)] = [
        ("out-of-memory", .outOfMemory, "OUT OF MEMORY", ["set memory 64m"]),
        ("timeout", .timeout, "EXECUTION TIMED OUT", ["set timeout 3000"]),
        ("truncated", .outputTruncated, "OUTPUT TRUNCATED", ["set max-output 4000"]),
        ("host-blocked-by-deny", .hostBlocked, "deny rule 1 (^allow) matched", ["undeny ^allow", "allow ^allowed\\.test$"]),
        ("host-not-allowed", .hostBlocked, "no allow rule matched", ["allow ^allowed\\.test$"]),
        ("name-resolution-net-none", .noNetworkForNames, "Temporary failure in name resolution", ["set net filtered"]),
        ("wrong-runtime-node", .wrongRuntime, "ReferenceError: print is not defined", ["set runtime python"]),
        ("wrong-runtime-python", .wrongRuntime, "name 'console' is not defined", ["set runtime node"]),
        ("wrong-runtime-bash", .wrongRuntime, "import: command not found", ["set runtime python"]),
        ("setup-failed", .setupFailed, "Setup script failed (exit code 3)", nil),
        ("package-install-failed", .packageInstallFailed, "isol8-no-such-package", ["set net filtered"]),
        ("process-limit", .processLimit, "[Errno 11] Resource temporarily unavailable", ["set pids 16"]),
        ("sandbox-full", .diskFull, "/sandbox/big': No space left on device", ["set sandbox-size 16m"]),
        ("tmp-full", .diskFull, "/tmp/big': No space left on device", ["set tmp-size 16m"]),
        ("read-only-root", .readOnlyRoot, "Read-only file system", ["set readonly-root off"]),
        ("traceback", .traceback, "exit 1: ValueError: invalid literal for int()", nil),
    ]

    func testEveryCapturedFailureGetsItsClassEvidenceAndFix() throws {
        for expected in expectations {
            let diagnoses = FailureClassifier.classify(try RunCapture.load(expected.capture).evidence())
            let headline = try XCTUnwrap(diagnoses.first, "\(expected.capture): no diagnosis")
            XCTAssertEqual(headline.failure, expected.failure, "\(expected.capture): \(diagnoses.map(\.failure))")
            XCTAssertTrue(headline.saw.contains(expected.saw), "\(expected.capture) saw: \(headline.saw)")
            XCTAssertEqual(headline.fix?.commands, expected.fix, expected.capture)
            XCTAssertFalse(headline.advice.isEmpty, expected.capture)
        }
    }

    func testAPassingRunHasNoDiagnosis() throws {
        XCTAssertEqual(FailureClassifier.classify(try RunCapture.load("passing").evidence()), [])
    }

    func testABlockedHostOutranksTheTracebackItCaused() throws {
        let classes = FailureClassifier.classify(try RunCapture.load("host-blocked-by-deny").evidence()).map(\.failure)
        XCTAssertEqual(classes, [.hostBlocked, .traceback])
    }

    func testTheEngineFlagsAloneAreEnough() {
        var oom = RunEvidence(exitCode: 137, errorText: "", options: Isol8Options(), runtime: .python)
        oom.oomKilled = true
        XCTAssertEqual(FailureClassifier.classify(oom).first?.failure, .outOfMemory)
        XCTAssertEqual(FailureClassifier.classify(oom).first?.fix?.commands, ["set memory 1g"])
        var slow = RunEvidence(exitCode: 137, errorText: "", options: Isol8Options(), runtime: .python)
        slow.timedOut = true
        XCTAssertEqual(FailureClassifier.classify(slow).first?.fix?.commands, ["set timeout 60000"])
    }

    func testStreamedTruncationOffersNoKnobThatWouldNotHelp() {
        var run = RunEvidence(exitCode: 0, errorText: "", options: Isol8Options(), runtime: .python)
        run.truncated = true
        let diagnosis = FailureClassifier.classify(run).first
        XCTAssertEqual(diagnosis?.failure, .outputTruncated)
        XCTAssertNil(diagnosis?.fix)
    }

    func testOnlyTheTailOfHugeStderrIsRead() {
        let noise = String(repeating: "Traceback (most recent call last)\n", count: 10_000)
        let run = RunEvidence(exitCode: 1, errorText: noise + "ok\n", options: Isol8Options(), runtime: .python)
        XCTAssertLessThanOrEqual(run.errorText.utf8.count, RunEvidence.scannedBytes)
    }

    func testEveryFixIsAValidCommandThatChangesTheKnobs() throws {
        for expected in expectations where expected.fix != nil {
            let capture = try RunCapture.load(expected.capture)
            var state = try replayed(capture)
            let before = state.knobs.snapshot
            let effects = state.press("F")
            XCTAssertNotEqual(state.knobs.snapshot, before, "\(expected.capture): the fix changed no knob")
            XCTAssertTrue(effects.contains { if case .startRun = $0 { return true } else { return false } },
                          "\(expected.capture): the fix did not run again (\(state.status.message ?? ""))")
        }
    }

    func testOOMRunShowsTheDiagnosisAndFDoublesMemoryAndRunsAgain() throws {
        var state = try replayed(RunCapture.load("out-of-memory"))
        let status = StatusView.segments(state).map(\.0).joined()
        XCTAssertTrue(status.contains("out of memory — F: :set memory 64m"), status)

        state.press("D")
        guard case .diagnosis(selected: 0)? = state.focus.overlays.last else { return XCTFail("no Diagnosis view") }
        let screen = AppView.render(state).canvas.rows.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Diagnosis of run #1"), screen)
        XCTAssertTrue(screen.contains("saw: --- OUT OF MEMORY"), screen)

        let effects = state.press("enter")
        XCTAssertEqual(state.knobs.options.memoryLimit, "64m")
        guard case .startRun(let spec)? = effects.last else { return XCTFail("no re-run: \(effects)") }
        XCTAssertEqual(spec.options.memoryLimit, "64m")
        XCTAssertEqual(spec.id, 2)
    }

    func testAFixIsRefusedWhileARunIsActive() throws {
        var state = try replayed(RunCapture.load("out-of-memory"))
        state.press("r")
        state.press("F")
        XCTAssertEqual(state.knobs.options.memoryLimit, "32m")
        XCTAssertTrue(state.status.isError)
    }

    /// The capture fed through the reducer as the engine's events would arrive.
    private func replayed(_ capture: RunCapture) throws -> AppState {
        let parsed = try capture.options
        var state = Fixture.state(Size(width: 120, height: 40), flags: parsed.flags, stream: !parsed.noStream)
        guard case .startRun(let spec)? = state.press("r").last else {
            throw ReplayError(message: "r did not start a run: \(state.status.message ?? "")")
        }
        if spec.stream {
            let events = capture.streamEvents + [StreamEvent(.exit, String(capture.exitCode))]
            state.send(.runEvents(id: spec.id, events), .runFinished(id: spec.id, .streamed))
        } else {
            var result = ExecutionResult(stdout: capture.stdout, stderr: capture.stderr, exitCode: capture.exitCode,
                                         durationMs: 100, truncated: capture.stdout.contains("--- OUTPUT TRUNCATED"),
                                         executionId: "captured", runtime: state.knobs.runtime, timestamp: "", containerId: nil)
            result.networkLogs = capture.network
            state.send(.runFinished(id: spec.id, .buffered(result)))
        }
        return state
    }

    private struct ReplayError: Error {
        let message: String
    }
}
