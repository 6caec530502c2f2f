import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// A knob the current target would not take is said so — on `:set`, on a switch, and in the
/// Config pane — rather than dropped without a word.
final class UnhonouredKnobTests: XCTestCase {
    private let server = Target(name: "shared", kind: .server(url: "http://127.0.0.1:9", key: "k"), origin: .config)
    private let session = Target(name: "sess", kind: .server(url: "http://127.0.0.1:9", key: "k", session: "s1"), origin: .commandLine)

    private func ignored(by target: Target) -> [String] {
        OptionCatalog.all.filter { target.ignores($0) != nil }.map(\.key)
    }

    func testWhatEachKindOfTargetIgnores() {
        XCTAssertEqual(ignored(by: Target(name: "local", kind: .docker(.defaultSocket), origin: .environment)), [])
        XCTAssertEqual(ignored(by: server), ["mode", "debug", "packages.pipIndexUrl", "packages.npmRegistry", "poolStrategy", "poolSize",
                                             "security.customProfilePath"], "a server decides what no request field carries")
        let bySession = ignored(by: session)
        XCTAssertTrue(bySession.contains("memoryLimit") && bySession.contains("network") && bySession.contains("mode"), "\(bySession)")
        XCTAssertFalse(bySession.contains("timeoutMs"), "the execute request carries the timeout on every run")
    }

    func testSetSwitchAndConfigPaneSayWhatTheTargetIgnores() {
        var state = Fixture.state()
        state.targets.known.append(session)
        state.command("set memory 64m")
        state.command("target sess")
        XCTAssertTrue(state.status.isError)
        XCTAssertTrue((state.status.message ?? "").contains("it ignores your memoryLimit"), state.status.message ?? "")

        state.command("set timeout 9000")
        XCTAssertFalse(state.status.isError, state.status.message ?? "")
        state.command("set cpu 0.5")
        XCTAssertTrue(state.status.isError)
        XCTAssertTrue((state.status.message ?? "").contains("session s1 on sess keeps the cpuLimit its container was created with"), state.status.message ?? "")

        let rows = ConfigPaneView.rows(state.knobs, target: state.targets.current, theme: state.theme)
        let memory = rows.first { $0.cells.first == "memoryLimit" }
        let timeout = rows.first { $0.cells.first == "timeoutMs" }
        XCTAssertEqual(memory?.cells.last, "tui — ignored by sess")
        XCTAssertEqual(timeout?.cells.last, "tui")
    }
}
