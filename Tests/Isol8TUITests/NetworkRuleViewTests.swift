import Foundation
import Isol8Core
import TerminalKit
import Isol8TestSupport
import NetworkPolicy
import XCTest
@testable import Isol8TUI

/// The rule behind each request: `:test-host` and the Network pane name what decided a verdict.
final class NetworkRuleViewTests: XCTestCase {
    func testTestHostAgreesWithTheProxyRulesOnTwentyCombinations() throws {
        XCTAssertEqual(HostRuleCombinations.all.count, 20)
        for combination in HostRuleCombinations.all {
            var state = Fixture.state()
            state.command("set net filtered")
            for pattern in combination.allow { state.command("allow \(pattern)") }
            for pattern in combination.deny { state.command("deny \(pattern)") }
            state.command("test-host \(combination.host)")
            let expected = try NetworkRules.validated(whitelist: combination.allow, blacklist: combination.deny)
                .decide(combination.host)
            XCTAssertEqual(state.status.message, "\(combination.host): \(expected.action.rawValue) — \(expected.explanation)",
                           "allow \(combination.allow) deny \(combination.deny)")
        }
    }

    func testTestHostSaysWhenTheNetworkModeIgnoresTheRules() {
        var state = Fixture.state()
        state.command("deny ^a")
        state.command("test-host a.test")
        XCTAssertEqual(state.status.message,
                       "a.test: BLOCK — deny rule 1 (^a) matched (but the network is none: nothing leaves; :set net filtered)")
        state.command("test-host")
        XCTAssertEqual(state.prompt?.error, "test-host: give a host name, e.g. :test-host api.example.test")
    }

    func testTheBlockRowNamesTheDenyRuleThatShadowsTheAllowRule() throws {
        var state = Fixture.state(Size(width: 160, height: 40))
        state.command("set net filtered")
        state.command("set log-network on")
        state.command("deny ^allow")
        state.command("allow ^allowed")
        guard case .startRun(let spec)? = state.press("r").last else { return XCTFail("no run") }
        // The proxy's line as images built before the `rule` field write it (captured from a real run).
        let captured = try RunCapture.load("host-blocked-by-deny").network
        let line = try XCTUnwrap(captured.first).jsonLine
        state.send(.runEvents(id: spec.id, [StreamEvent(.network, line), StreamEvent(.exit, "1")]),
                   .runFinished(id: spec.id, .streamed))
        XCTAssertEqual(state.network.entries.map(\.rule), ["deny 1 ^allow"])
        state.press("3")
        let screen = AppView.render(state).canvas.rows.joined(separator: "\n")
        let row = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("allowed.test") }, screen)
        XCTAssertTrue(row.contains("BLOCK") && row.contains("deny 1 ^allow"), String(row))
    }

    func testARuleTheProxyWroteIsShownAsWritten() {
        var state = Fixture.state()
        guard case .startRun(let spec)? = state.press("r").last else { return XCTFail("no run") }
        let line = #"{"timestamp":"2026-01-01T00:00:00+00:00","method":"GET","host":"a.test","path":"/","action":"ALLOW","durationMs":3,"rule":"allow 2 ^a"}"#
        state.send(.runEvents(id: spec.id, [StreamEvent(.network, line)]))
        XCTAssertEqual(state.network.entries.first?.rule, "allow 2 ^a")
    }
}
