import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// The Debug pane follows the current target's own log: a switch asks for it, lines of a
/// target that is no longer current are dropped, and the `debug` knob (about this TUI's runs)
/// does not hide them.
final class ServerLogReducerTests: XCTestCase {
    private let server = Target(name: "shared", kind: .server(url: "http://127.0.0.1:9", key: "k"), origin: .config)

    private func state() -> AppState {
        var state = Fixture.state()
        state.targets.known.append(server)
        return state
    }

    func testSwitchingTargetsFollowsTheNewTargetsLog() {
        var state = state()
        XCTAssertTrue(state.initialEffects.contains(.followServerLog(state.targets.current)))
        let effects = state.command("target shared")
        XCTAssertTrue(effects.contains(.followServerLog(server)), "\(effects)")
        XCTAssertTrue(state.command("target local").contains { if case .followServerLog(let target) = $0 { return target.name == "local" } else { return false } })
    }

    func testOnlyTheCurrentTargetsLinesReachTheDebugPaneWhateverTheDebugKnob() {
        var state = state()
        state.command("target shared")
        XCTAssertFalse(state.knobs.options.debug)
        state.send(.serverLogLines(target: "shared", ["[DEBUG] [Server] Creating new session: s1"]),
                   .serverLogLines(target: "elsewhere", ["[DEBUG] [Server] not ours"]),
                   .serverLogEnded(target: "shared", message: "gone away"))
        let texts = (0..<state.debug.buffer.count).map { state.debug.buffer[$0].text }
        XCTAssertEqual(texts, ["[DEBUG] [Server] Creating new session: s1", "[isol8-tui] no more log lines from shared: gone away"])
    }
}
