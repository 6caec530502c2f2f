import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// Panes, the focus stack, help, search, mouse.
final class FocusAndHelpTests: XCTestCase {
    func testTabAndDigitsMoveFocusAndSidePanesTakeTheSlot() {
        var state = Fixture.state()
        XCTAssertEqual(state.focus.pane, .output)
        state.press("tab")
        XCTAssertEqual(state.focus.pane, .network)
        state.press("shift-tab", "shift-tab")
        XCTAssertEqual(state.focus.pane, .code)
        state.press("5")
        XCTAssertEqual(state.focus.pane, .config)
        XCTAssertEqual(state.focus.side, .config)
        XCTAssertNotNil(ScreenLayout(size: state.size, focus: state.focus).panes[.config])
        XCTAssertNil(ScreenLayout(size: state.size, focus: state.focus).panes[.network], "one side pane at a time")
        state.press("1")
        XCTAssertEqual(state.focus.side, .config, "the side slot keeps the last side pane")
    }

    func testEnterZoomsAndEscBacksOutOneLevelAtATime() {
        var state = Fixture.state()
        state.press("2", "enter")
        XCTAssertTrue(state.focus.zoomed)
        XCTAssertEqual(ScreenLayout(size: state.size, focus: state.focus).panes.count, 1)
        state.press("?")
        XCTAssertEqual(state.focus.overlays.count, 1)
        state.press("esc")
        XCTAssertTrue(state.focus.overlays.isEmpty)
        XCTAssertTrue(state.focus.zoomed, "Esc closed only the help")
        state.press("esc")
        XCTAssertFalse(state.focus.zoomed)
    }

    func testHelpIsBuiltFromTheKeymapOfTheFocusedPane() {
        var state = Fixture.state(Size(width: 120, height: 40))
        state.press("7", "?")
        let text = state.screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("History pane"))
        XCTAssertTrue(text.contains("mark or unmark the run for a diff"))
        XCTAssertTrue(text.contains("Everywhere"))
        XCTAssertTrue(text.contains("r, F5"))
        for _ in 0..<200 { state.press("j") }
        XCTAssertTrue(state.screen.joined().contains(":quit"), "scrolling reaches the last line")
        state.press("k")
        XCTAssertFalse(state.screen.joined().contains(":quit"), "scrolling stopped at the end, so one step back moves at once")
        state.press("?")
        XCTAssertTrue(state.focus.overlays.isEmpty, "? closes the help again")
    }

    func testSearchHighlightsAndNMovesBetweenMatches() {
        var state = Fixture.state()
        state.press("r")
        let lines = (0..<100).map { $0 % 10 == 0 ? "needle \($0)" : "hay \($0)" }.joined(separator: "\n") + "\n"
        state.send(.runEvents(id: 1, [StreamEvent(.stdout, lines)]))
        state.press("2", "/")
        state.type("NEEDLE".lowercased())
        XCTAssertEqual(state.output.search?.currentLine, 0, "searching from the bottom wraps to the first line")
        XCTAssertFalse(state.output.view.follow)
        state.press("n")
        XCTAssertEqual(state.output.search?.currentLine, 10)
        state.press("N", "N")
        XCTAssertEqual(state.output.search?.currentLine, 90, "N wraps to the last match")
        let frame = AppView.render(state)
        let layout = ScreenLayout(size: state.size, focus: state.focus)
        let inner = layout.inner(.output)
        let row = (inner.y..<inner.bottom).first { frame.canvas.row($0).contains("needle 90") }!
        let x = frame.canvas.row(row).distance(from: frame.canvas.row(row).startIndex,
                                                to: frame.canvas.row(row).range(of: "needle")!.lowerBound)
        XCTAssertEqual(frame.canvas[x, row].style, state.theme[.highlight], "matches are highlighted")
        XCTAssertTrue(state.screen[layout.panes[.output]!.y].contains("/needle"), "the query shows in the title")
        state.press("esc")
        XCTAssertNil(state.output.search)
    }

    func testWrapAndFollowToggleAndShowInTheIndicator() {
        var state = Fixture.state()
        let top = ScreenLayout(size: state.size, focus: state.focus).panes[.output]!.y
        XCTAssertTrue(state.screen[top].contains("follow:on wrap:off"))
        state.press("2", "w", "f")
        XCTAssertTrue(state.screen[top].contains("follow:off wrap:on"))
    }

    func testMouseClickFocusesAndWheelScrolls() {
        var state = Fixture.state()
        let layout = ScreenLayout(size: state.size, focus: state.focus)
        let code = layout.panes[.code]!
        state.send(.mouse(MouseEvent(.click(.left), x: code.x + 2, y: code.y + 2)))
        XCTAssertEqual(state.focus.pane, .code)
        state.press("r")
        state.send(.runEvents(id: 1, [StreamEvent(.stdout, (0..<200).map(String.init).joined(separator: "\n") + "\n")]))
        let output = layout.panes[.output]!
        state.send(.mouse(MouseEvent(.wheelUp, x: output.x + 3, y: output.y + 3)))
        XCTAssertFalse(state.output.view.follow, "wheel up leaves follow mode")
        XCTAssertEqual(state.focus.pane, .code, "the wheel does not move focus")
        state.press("m")
        XCTAssertFalse(state.mouseEnabled)
        state.send(.mouse(MouseEvent(.click(.left), x: output.x + 3, y: output.y + 3)))
        XCTAssertEqual(state.focus.pane, .code, "released mouse events are ignored")
    }

    func testMouseToggleAsksTheTerminal() {
        var state = Fixture.state()
        XCTAssertEqual(state.press("m"), [.setMouse(false)])
        XCTAssertEqual(state.press("m"), [.setMouse(true)])
    }

    func testThemeKeyCyclesThroughTheCatalog() {
        var state = Fixture.state()
        state.themeNames = ["default", "light", "mono"]
        XCTAssertEqual(state.press("t"), [.loadTheme("light")])
        state.send(.themeLoaded(name: "light", theme: .monochrome, warning: nil))
        XCTAssertEqual(state.press("t"), [.loadTheme("mono")])
        XCTAssertEqual(state.command("theme default"), [.loadTheme("default")])
    }

    func testEditOpensTheFileAndSaveWritesTheOutput() {
        var state = Fixture.state()
        state.press("1")
        XCTAssertEqual(state.press("e"), [.openEditor("examples/hello.py")])
        state.press("r")
        state.send(.runEvents(id: 1, [StreamEvent(.stdout, "a\nb\n")]))
        state.press("2", "ctrl-s")
        XCTAssertEqual(state.prompt?.input.text, "save isol8-output-1.txt")
        XCTAssertEqual(state.press("enter"), [.saveOutput(path: "isol8-output-1.txt", text: "a\nb")])
    }

    func testInlineCodeIsEditedInAScratchFileAndTheNextRunUsesIt() {
        var state = Self.codeFocused { $0.eval = "print(6 * 7)" }
        XCTAssertEqual(state.press("e"), [.editInline(text: "print(6 * 7)", fileExtension: ".py")])
        state.send(.inlineCodeEdited("print(7 * 7)"))
        XCTAssertEqual(state.code.lines, ["print(7 * 7)"])
        guard case .startRun(let spec)? = state.press("r").first else { return XCTFail("no run") }
        XCTAssertEqual(spec.flags.eval, "print(7 * 7)")

        var shell = Self.codeFocused { $0.cmd = "echo hi" }
        XCTAssertEqual(shell.press("e"), [.editInline(text: "echo hi", fileExtension: ".sh")])
        shell.send(.inlineCodeEdited("echo bye"))
        XCTAssertEqual(shell.knobs.flags.cmd, "echo bye")
        XCTAssertNil(shell.knobs.flags.eval)

        var fetched = Self.codeFocused { $0.url = "https://example.test/x.py" }
        XCTAssertEqual(fetched.press("e"), [])
        XCTAssertTrue(fetched.status.message?.contains("nothing to edit") == true)
    }

    /// A state whose code source `source` sets, with the Code pane focused.
    private static func codeFocused(_ source: (inout RunFlags) -> Void) -> AppState {
        var flags = RunFlags()
        source(&flags)
        var state = Fixture.state(flags: flags)
        state.press("1")
        return state
    }
}
