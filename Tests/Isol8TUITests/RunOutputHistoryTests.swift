import Foundation
import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// A History row opens that run's own output; History keeps outputs within a stated budget;
/// the knobs column names every knob that is not at its default, debug and persist included.
final class RunOutputHistoryTests: XCTestCase {
    private func run(_ state: inout AppState, printing text: String) {
        let spec = startedSpec(state.press("r"))
        let id = spec?.id ?? 0
        state.send(.runEvents(id: id, [StreamEvent(.stdout, text), StreamEvent(.exit, "0")]), .runFinished(id: id, .streamed))
    }

    func testOOpensTheSelectedRunsOwnOutput() {
        var state = Fixture.state(Size(width: 120, height: 40))
        run(&state, printing: "first run's line\n")
        run(&state, printing: "second run's line\n")
        state.press("7", "up", "o")
        let screen = state.screen
        XCTAssertTrue(screen.contains { $0.contains("Run #1 output") }, screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains { $0.contains("first run's line") })
        XCTAssertFalse(screen.contains { $0.contains("second run's line") && !$0.contains("Output") }, "only run #1's own output")
        state.press("escape")
        XCTAssertFalse(state.screen.contains { $0.contains("Run #1 output") })
    }

    func testHistoryLetsGoOfTheOldestOutputsBeyondItsBudget() {
        var history = HistoryState()
        let big = OutputLine(String(repeating: "x", count: 1 << 20), kind: .stdout)
        for id in 1...40 {
            var record = RunRecord(id: id, startedAt: Date(), knobs: [], summary: "")
            record.output = [big]
            history.runs.append(record)
            history.keepOutputWithinBudget()
        }
        let kept = history.runs.filter { !$0.output.isEmpty }
        XCTAssertLessThanOrEqual(kept.count * (1 << 20), HistoryState.outputBudgetBytes)
        XCTAssertEqual(kept.last?.id, 40, "the newest runs keep theirs")
        XCTAssertTrue(history.runs[0].outputReleased)
    }

    func testTheKnobsColumnNamesDebugPersistAndEveryOtherChangedKnob() {
        var state = Fixture.state(Size(width: 160, height: 40))
        state.command("set debug on")
        state.command("set persist on")
        state.command("set shm-size 32m")
        XCTAssertTrue(state.knobs.summary.contains("persist"), state.knobs.summary)
        XCTAssertTrue(state.knobs.summary.contains("debug true"), state.knobs.summary)
        XCTAssertTrue(state.knobs.summary.contains("shmSize 32m"), state.knobs.summary)
    }
}
