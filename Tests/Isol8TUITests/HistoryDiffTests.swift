import TerminalKit
import Isol8Core
import XCTest
@testable import Isol8TUI

/// Every run is kept with its knobs and result; two marked runs diff.
final class HistoryDiffTests: XCTestCase {
    /// Two finished runs: #1 with defaults, #2 with 32m memory that ran out of memory.
    private func twoRuns() -> AppState {
        var state = Fixture.state(Size(width: 120, height: 40))
        state.press("r")
        state.send(.runEvents(id: 1, [StreamEvent(.stdout, "start\nallocated 100MB\ndone\n"), StreamEvent(.exit, "0")]))
        state.advance(1)
        state.send(.runFinished(id: 1, .streamed))
        state.command("set memory 32m")
        state.press("r")
        state.send(.runEvents(id: 2, [StreamEvent(.stdout, "start\n"),
                                      StreamEvent(.error, "--- OUT OF MEMORY: killed at 32m ---"), StreamEvent(.exit, "137")]))
        state.advance(2)
        state.send(.runFinished(id: 2, .streamed))
        return state
    }

    func testHistoryListsEveryRunWithKnobsAndResult() {
        var state = twoRuns()
        XCTAssertEqual(state.history.runs.count, 2)
        XCTAssertEqual(state.history.runs[1].knobs.first { $0.key == "memoryLimit" }?.value, "32m")
        state.press("7")
        let screen = state.screen.joined(separator: "\n")
        XCTAssertTrue(screen.contains("python · mem 512m · net none"))
        XCTAssertTrue(screen.contains("python · mem 32m"))
        XCTAssertTrue(screen.contains("OOM"))
    }

    func testMarkTwoAndDiffShowsKnobsResultAndOutput() {
        var state = twoRuns()
        state.press("7", "g", "space", "j", "space")
        XCTAssertEqual(state.history.marked, [1, 2])
        state.press("d")
        guard case .diff(let diff)? = state.focus.overlays.last else { return XCTFail("no diff overlay") }
        XCTAssertEqual(diff.diff.knobs, [RunDiff.Change(name: "memoryLimit", before: "512m", after: "32m")])
        XCTAssertTrue(diff.diff.result.contains(RunDiff.Change(name: "exit", before: "0", after: "137")))
        XCTAssertTrue(diff.diff.result.contains(RunDiff.Change(name: "OOM", before: "no", after: "yes")))
        XCTAssertEqual(diff.diff.output, [
            .same(OutputLine("start", kind: .stdout)),
            .removed(OutputLine("allocated 100MB", kind: .stdout)),
            .removed(OutputLine("done", kind: .stdout)),
            .added(OutputLine("--- OUT OF MEMORY: killed at 32m ---", kind: .marker)),
        ])
        let screen = state.screen.joined(separator: "\n")
        XCTAssertTrue(screen.contains("memoryLimit  512m → 32m"))
        XCTAssertTrue(screen.contains("- allocated 100MB"))
        XCTAssertTrue(screen.contains("+ --- OUT OF MEMORY"))
        state.press("esc")
        XCTAssertTrue(state.focus.overlays.isEmpty)
    }

    func testDiffWithoutMarksComparesTheLastTwoAndRefusesWithFewer() {
        var state = twoRuns()
        state.press("7", "d")
        guard case .diff(let diff)? = state.focus.overlays.last else { return XCTFail("no diff overlay") }
        XCTAssertEqual([diff.diff.older, diff.diff.newer], [1, 2])

        var single = Fixture.state()
        single.press("r")
        single.send(.runFinished(id: 1, .streamed))
        single.press("7", "d")
        XCTAssertTrue(single.focus.overlays.isEmpty)
        XCTAssertTrue(single.status.message?.contains("mark two runs") == true)
    }

    func testLineDiffFoldsLongUnchangedStretches() {
        let old = (0..<50).map { OutputLine("line \($0)", kind: .stdout) }
        var new = old
        new[25] = OutputLine("changed", kind: .stdout)
        let rows = LineDiff.diff(old, new)
        XCTAssertEqual(rows.first, .folded(22))
        XCTAssertTrue(rows.contains(.removed(OutputLine("line 25", kind: .stdout))))
        XCTAssertTrue(rows.contains(.added(OutputLine("changed", kind: .stdout))))
        XCTAssertEqual(rows.last, .folded(21))
    }

    func testLineDiffOfHugeOutputsFallsBackToReplacement() {
        let old = (0..<3_000).map { OutputLine("a\($0)", kind: .stdout) }
        let new = (0..<3_000).map { OutputLine("b\($0)", kind: .stdout) }
        let rows = LineDiff.align(old, new)
        XCTAssertEqual(rows.count, 6_000)
        XCTAssertEqual(rows.first, .removed(old[0]))
        XCTAssertEqual(rows.last, .added(new[2_999]))
    }
}
