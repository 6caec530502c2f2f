import Isol8Core
import Isol8TestSupport
import TerminalKit
import XCTest
@testable import Isol8TUI

/// The loop draws with a ``PaneCache``; whatever the session does, its frames must be the
/// frames drawn from scratch.
final class PaneCacheTests: XCTestCase {
    private static let keys = ["j", "k", "g", "G", "tab", "1", "2", "3", "4", "5", "w", "f", "enter", "esc", "pgdown",
                               "pgup", "ctrl-d", "ctrl-u"]

    /// A line of the proxy's network log (compat §3.6).
    private static func networkLine(_ n: Int, blocked: Bool) -> String {
        #"{"timestamp":"2026-12-03T01:02:\#(String(format: "%02d", n % 60)).000Z","method":"GET","host":"host\#(n).test","#
            + #""path":"/p\#(n)","action":"\#(blocked ? "BLOCK" : "ALLOW")","durationMs":\#(n)}"#
    }

    func testCachedFramesEqualFramesDrawnAfresh() {
        Fuzz.run("pane cache", cases: 40) { random in
            var state = Fixture.state(Size(width: Int.random(in: 90...200, using: &random),
                                           height: Int.random(in: 24...60, using: &random)))
            // Longer than any pane, so that the code scrolls too.
            let code = (0..<150).map { "print(\($0))  # line \($0)" }.joined(separator: "\n")
            state.send(.codeLoaded(path: state.code.path!, text: code))
            state.command("set net filtered")
            state.command("set log-network on")
            let cache = PaneCache()
            var runID: Int?
            var steps: [String] = []
            for n in 0..<80 {
                switch Int.random(in: 0..<10, using: &random) {
                case 0...3:
                    let key = Self.keys.randomElement(using: &random)!
                    steps.append(key)
                    state.press(key)
                case 4:
                    steps.append("r")
                    if case .startRun(let spec)? = state.press("r").last { runID = spec.id }
                case 5, 6:
                    steps.append("output")
                    if let runID { state.send(.runEvents(id: runID, [StreamEvent(.stdout, "line \(n)\n")])) }
                case 7:
                    steps.append("network")
                    if let runID {
                        state.send(.runEvents(id: runID, [StreamEvent(.network, Self.networkLine(n, blocked: random.oneIn(3)))]))
                    }
                case 8:
                    steps.append("finish")
                    if let id = runID { state.send(.runEvents(id: id, [StreamEvent(.exit, "0")]), .runFinished(id: id, .streamed)) }
                    runID = nil
                default:
                    let size = Size(width: Int.random(in: 90...200, using: &random), height: Int.random(in: 24...60, using: &random))
                    steps.append("resize \(size.width)x\(size.height)")
                    state.send(.resize(size))
                }
                let cached = AppView.render(state, cache: cache).canvas
                let afresh = AppView.render(state).canvas
                guard cached == afresh else {
                    let diff = zip(cached.rows, afresh.rows).enumerated().first { $0.element.0 != $0.element.1 }
                    throw Fuzz.Violation("after \(steps): first differing row \(diff.map { "\($0.offset): \($0.element.0.debugDescription) vs \($0.element.1.debugDescription)" } ?? "(styles only)")")
                }
            }
        }
    }

    func testOutputArrivingLeavesTheCodeAndNetworkPanesCopied() {
        var state = Fixture.state(Size(width: 160, height: 40))
        state.command("set net filtered")
        state.command("set log-network on")
        guard case .startRun(let spec)? = state.press("r").last else { return XCTFail("no run") }
        state.send(.runEvents(id: spec.id, [StreamEvent(.network, Self.networkLine(1, blocked: true))]))
        let cache = PaneCache()
        _ = AppView.render(state, cache: cache)
        XCTAssertEqual(cache.reused, 0)
        state.send(.runEvents(id: spec.id, [StreamEvent(.stdout, "more output\n")]))
        let frame = AppView.render(state, cache: cache)
        XCTAssertEqual(cache.reused, 2, "code and network panes copied")
        XCTAssertEqual(frame.canvas, AppView.render(state).canvas)
        XCTAssertTrue(frame.canvas.text.contains("host1.test") && frame.canvas.text.contains("more output"))
    }
}
