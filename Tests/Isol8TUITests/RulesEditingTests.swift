import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// The Network pane's rules: listed in the proxy's order, moved, removed and added in place.
final class RulesEditingTests: XCTestCase {
    func testRulesAreReorderedRemovedAndAddedFromTheNetworkPane() {
        var state = Fixture.state(Size(width: 120, height: 40))
        state.command("allow ^a")
        state.command("allow ^b")
        state.command("deny ^c")
        state.press("3", "R")
        XCTAssertTrue(state.screen.contains { $0.contains("deny  1  ^c") }, state.screen.joined(separator: "\n"))
        state.press("down", "down", "K")
        XCTAssertEqual(state.knobs.currentFilter.whitelist, ["^b", "^a"])
        XCTAssertTrue(state.screen.contains { $0.contains("allow 1  ^b") })
        state.press("d")
        XCTAssertEqual(state.knobs.currentFilter.whitelist, ["^a"], "the selected rule (^b, moved up with it) is gone")
        state.press("b")
        XCTAssertEqual(state.prompt?.input.text, "deny ")
        state.type("^evil")
        XCTAssertEqual(state.knobs.currentFilter.blacklist, ["^c", "^evil"])
        XCTAssertTrue(state.screen.contains { $0.contains("deny  2  ^evil") }, "back on the rules, updated")
        state.press("escape")
        XCTAssertFalse(state.screen.contains { $0.contains("Network rules") })
    }
}
