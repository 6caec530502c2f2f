import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// `:bisect` between a marked passing and failing run re-runs with halves of the knob changes
/// until the smallest one that flips the outcome is named; its runs stay in History and the
/// knobs come back as they were. Outcomes here come from a rule over each run's spec, as a real
/// engine's would from the limits.
final class BisectionTests: XCTestCase {
    /// Starts run `id`'s successor from `effects` and finishes it the way the rule says.
    private func finishRuns(_ state: inout AppState, _ effects: [Effect], fails: (RunSpec) -> Bool) -> [RunSpec] {
        var effects = effects
        var specs: [RunSpec] = []
        while let spec = effects.compactMap({ effect -> RunSpec? in if case .startRun(let s) = effect { return s } else { return nil } }).first {
            specs.append(spec)
            state.send(.runEvents(id: spec.id, [StreamEvent(.exit, fails(spec) ? "137" : "0")]))
            effects = state.send(.runFinished(id: spec.id, .streamed))
        }
        return specs
    }

    private func passingAndFailing() -> AppState {
        var state = Fixture.state(Size(width: 120, height: 40))
        let memoryKills: (RunSpec) -> Bool = { $0.options.memoryLimit == "32m" }
        _ = finishRuns(&state, state.press("r"), fails: memoryKills)
        state.command("set memory 32m")
        state.command("set timeout 9000")
        state.command("set net filtered")
        _ = finishRuns(&state, state.press("r"), fails: memoryKills)
        state.history.toggleMark(1)
        state.history.toggleMark(2)
        return state
    }

    func testMemoryIsFoundAmongThreeChangedKnobsInAtMostThreeRuns() {
        var state = passingAndFailing()
        let before = state.knobs.snapshot
        let specs = finishRuns(&state, state.command("bisect"), fails: { $0.options.memoryLimit == "32m" })
        XCTAssertLessThanOrEqual(specs.count, 3)
        XCTAssertGreaterThan(specs.count, 0)
        XCTAssertTrue(state.status.message?.contains("memoryLimit 512m → 32m alone makes the run fail") == true, state.status.message ?? "")
        XCTAssertEqual(state.history.runs.map(\.id), [1, 2] + specs.map(\.id), "every bisection run is in History")
        XCTAssertEqual(state.knobs.snapshot, before, "the knobs are back as they were")
        XCTAssertNil(state.bisection)
    }

    func testAChangeThatFailsOnlyWithAnotherIsNamedWithIt() {
        var state = passingAndFailing()
        // Fails only when both the timeout and the network changed.
        let both: (RunSpec) -> Bool = { $0.options.timeoutMs == 9000 && $0.options.network == .filtered }
        let specs = finishRuns(&state, state.command("bisect"), fails: both)
        XCTAssertLessThanOrEqual(specs.count, 4)
        XCTAssertTrue(state.status.message?.contains("network none → filtered makes the run fail together with timeoutMs → 9000") == true,
                      state.status.message ?? "")
    }

    func testBisectNeedsOnePassingAndOneFailingMarkedRun() {
        var state = Fixture.state(Size(width: 120, height: 40))
        state.command("bisect")
        XCTAssertTrue(state.prompt?.error?.contains("mark a passing and a failing finished run") == true, state.prompt?.error ?? "")
    }
}
