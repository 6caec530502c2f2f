import Foundation
@testable import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// What a new user tripped over: each fix with the screen or state that showed the problem.
final class NewUserFixesTests: XCTestCase {
    /// `docker inspect` of a `--net none` container says NetworkMode "default" and
    /// NetworkDisabled true (as Docker 20.10 answers here).
    func testANoneNetworkReadsAsNoneNotAsAMismatchWithDefault() throws {
        let json = #"{"Id":"c1","Config":{"Image":"isol8:python","NetworkDisabled":true},"HostConfig":{"NetworkMode":"default"}}"#
        let snapshot = ContainerSnapshot(try JSONDecoder().decode(ContainerDetails.self, from: Data(json.utf8)))
        XCTAssertEqual(snapshot.limits.networkMode, "none")
        XCTAssertEqual(networkRow(snapshot, asked: .none), "  network   none          none")
    }

    func testAFilteredNetworkNamesDockersBridgeAsFiltered() {
        let snapshot = ContainerSnapshot(id: "c1", limits: ContainerLimits(networkMode: "bridge"))
        XCTAssertEqual(networkRow(snapshot, asked: .filtered), "  network   filtered      bridge (filtered by the proxy)")
    }

    func testTheGoneAdviceOffersPersistOnlyWhenItWasOff() {
        var options = Isol8Options()
        XCTAssertTrue(ContainerLines.goneAdvice(options).contains(":set persist on"))
        options.persist = true
        let advice = ContainerLines.goneAdvice(options)
        XCTAssertFalse(advice.contains(":set persist on"), advice)
        XCTAssertTrue(advice.contains("isol8 cleanup"), advice)
    }

    func testTheHelpListsEveryKnobWithoutCuttingTheLine() {
        var state = Fixture.state(Size(width: 80, height: 24))
        state.press("?")
        let width = HelpOverlay.box(in: ScreenLayout(size: state.size, focus: state.focus).body).textWidth
        let lines = HelpOverlay.lines(state, width: width)
        XCTAssertTrue(lines.allSatisfy { $0.width <= width }, lines.map(\.plainText).joined(separator: "\n"))
        let text = lines.map(\.plainText).joined(separator: " ")
        for knob in KnobCatalog.all { XCTAssertTrue(text.contains(" \(knob.name),") || text.contains(" \(knob.name) ") || text.hasSuffix(knob.name), knob.name) }
        // Scrolled to its end, the last knob is on screen.
        for _ in 0..<30 { state.press("pgdn") }
        let screen = AppView.render(state).canvas.rows.joined(separator: "\n")
        XCTAssertTrue(screen.contains(":quit"), screen)
    }

    func testAFailedSearchDoesNotStayInTheOutputTitleForTheNextRun() {
        var state = Fixture.state(Size(width: 160, height: 40))
        state.press("2", "/")
        state.type("no-such-text")
        XCTAssertTrue(outputTitle(state).contains("/no-such-text"))
        state.press("r")
        XCTAssertFalse(outputTitle(state).contains("/no-such-text"), outputTitle(state))
    }

    func testASearchThatFoundSomethingSurvivesTheNextRun() {
        var state = Fixture.state(Size(width: 160, height: 40))
        guard case .startRun(let spec)? = state.press("r").last else { return XCTFail("no run") }
        state.send(.runEvents(id: spec.id, [StreamEvent(.stdout, "needle\n"), StreamEvent(.exit, "0")]),
                   .runFinished(id: spec.id, .streamed))
        state.press("2", "/")
        state.type("needle")
        state.press("r")
        XCTAssertTrue(outputTitle(state).contains("/needle"), outputTitle(state))
    }

    func testTheTooSmallMessageKeepsEachPhraseWhole() {
        for width in 32..<60 {
            let rows = TooSmallView.lines(Size(width: width, height: 10))
            for phrase in ["terminal too small: \(width)×10.", "isol8-tui needs at least 60×16.", "q quits."] {
                XCTAssertTrue(rows.contains { $0.contains(phrase) }, "\(width): \(rows)")
            }
            XCTAssertTrue(rows.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(rows)")
        }
        XCTAssertEqual(TooSmallView.lines(Size(width: 12, height: 10)).first, "terminal too")
    }

    private func networkRow(_ snapshot: ContainerSnapshot, asked: NetworkMode) -> String? {
        var container = ContainerState()
        var options = Isol8Options()
        options.network = asked
        container.track(snapshot.id, requested: options)
        container.snapshot = snapshot
        return ContainerLines.build(container, now: Fixture.start, theme: .default)
            .map(\.plainText).first { $0.hasPrefix("  network") }.map { $0.trimmingTrailingSpaces() }
    }

    private func outputTitle(_ state: AppState) -> String {
        AppView.render(state).canvas.rows.first { $0.contains("2 Output") } ?? ""
    }
}
