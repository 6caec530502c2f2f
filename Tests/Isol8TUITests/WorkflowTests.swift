import Foundation
import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// `:workflow` ticks the guide's steps from what the session really did.
final class WorkflowTests: XCTestCase {
    private func finishRun(_ state: inout AppState, exit: String = "0") {
        let spec = startedSpec(state.press("r"))
        state.send(.runEvents(id: spec?.id ?? 0, [StreamEvent(.exit, exit)]), .runFinished(id: spec?.id ?? 0, .streamed))
    }

    private func done(_ state: AppState) -> [Bool] { WorkflowProgress.steps(state).map(\.done) }

    func testStepsTickAsTheSessionDoesThem() {
        var state = Fixture.state(Size(width: 120, height: 40))
        XCTAssertEqual(done(state), Array(repeating: false, count: 9))
        state.command("set debug on")
        finishRun(&state)
        XCTAssertEqual(Array(done(state).prefix(3)), [true, true, false])
        state.command("set memory 64m")
        finishRun(&state, exit: "1")
        XCTAssertTrue(done(state)[2], "two runs one knob apart")
        state.press("5")
        state.command("set stream off")
        finishRun(&state)
        XCTAssertTrue(done(state)[4], "the Config pane was looked at")
        XCTAssertTrue(done(state)[5], "streamed and buffered runs")
        state.press("D")
        XCTAssertTrue(done(state)[8], "the diagnosis was read")

        state.press("escape")
        state.command("workflow")
        let screen = state.screen
        XCTAssertTrue(screen.contains { $0.contains("Workflow: 6 of 9 steps done") }, screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains { $0.contains("[ ] 7. Verify the network") })
        XCTAssertTrue(screen.contains { $0.contains("[x] 3. Change one knob at a time between runs") })
    }
}
