import Foundation
import Isol8TestSupport
import TerminalKit
import XCTest

/// Runs the real `terminal-demo` binary in tmux and reads the screen back.
final class TerminalDemoEndToEndTests: XCTestCase {
    private var session: TmuxSession?
    private var pidFile = ""

    override func setUp() {
        pidFile = NSTemporaryDirectory() + "terminal-demo-\(UUID().uuidString.prefix(8)).pid"
    }

    override func tearDown() {
        session?.close()
        try? FileManager.default.removeItem(atPath: pidFile)
    }

    /// Starts the demo in an 80×24 window and waits for its whole first frame; once the demo
    /// exits the shell prints its status and the tty settings.
    @discardableResult
    private func startDemo(_ arguments: String = "", environment: String = "") throws -> TmuxSession {
        let demo = BuiltProduct.path("terminal-demo")
        let command = "env -u NO_COLOR LANG=C.UTF-8 TERM=tmux-256color \(environment) '\(demo)' "
            + "--pid-file '\(pidFile)' \(arguments); echo EXIT=$?; stty -a; sleep 600"
        let session = try TmuxSession(command)
        self.session = session
        try waitForFrame("the demo's first frame")
        return session
    }

    /// Waits for a complete `width`×`height` frame — the box's four borders and every line
    /// of text inside it — of which `condition` holds. What a test asserts goes into the
    /// condition: a capture can land between two writes of one frame.
    @discardableResult
    private func waitForFrame(_ what: String, width: Int = 80, height: Int = 24, styled: Bool = false,
                              file: StaticString = #filePath, line: UInt = #line,
                              _ condition: @escaping ([String]) -> Bool = { _ in true }) throws -> [String] {
        try XCTUnwrap(session).waitFor(what, styled: styled, joined: true, file: file, line: line) { screen in
            Self.isComplete(styled ? Self.plain(screen) : screen, width: width, height: height) && condition(screen)
        }
    }

    private static func isComplete(_ screen: [String], width: Int, height: Int) -> Bool {
        guard screen.count == height else { return false }
        let inner = screen[1..<(height - 1)]
        return screen[0].hasPrefix("┏━ terminal-demo ━") && screen[0].hasSuffix("━ \(width)x\(height) ━┓")
            && screen[height - 1] == "┗" + String(repeating: "━", count: width - 2) + "┛"
            && inner.allSatisfy { $0.hasPrefix("┃") && $0.hasSuffix("┃") && DisplayWidth.of($0) == width }
            && ["Hello from TerminalCurses", "size: \(width)x\(height)", "key:", "wide:", "mouse:", "wakes:", "colour:", "q quit"]
                .allSatisfy { text in inner.contains { $0.contains(text) } }
    }

    /// The text of styled rows without their SGR escapes.
    private static func plain(_ screen: [String]) -> [String] {
        screen.map { $0.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) }
    }

    private func row(_ screen: [String], containing text: String) -> String {
        screen.first { $0.contains(text) } ?? ""
    }

    private func assertRestored(exit status: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let session = try XCTUnwrap(session)
        let (screen, alternate, mouse) = try Poll.until("the demo to exit and the shell to print its status and stty", file: file, line: line,
            look: { (try session.screen(joined: true), try session.paneFormat("#{alternate_on}"), try session.paneFormat("#{mouse_any_flag}")) },
            holds: { screen, _, _ in screen.contains { $0.hasPrefix("EXIT=") } && screen.joined(separator: " ").contains("echoctl") },
            describe: { $0.0.joined(separator: "\n") })
        XCTAssertTrue(screen.contains("EXIT=\(status)"), "exit status", file: file, line: line)
        let words = Set(screen.drop { !$0.hasPrefix("EXIT=") }.joined(separator: " ").split(separator: " "))
        for flag in ["icanon", "echo", "isig", "icrnl"] {
            XCTAssertTrue(words.contains(Substring(flag)), "stty shows \(flag)", file: file, line: line)
            XCTAssertFalse(words.contains(Substring("-" + flag)), "stty shows -\(flag)", file: file, line: line)
        }
        XCTAssertEqual(alternate, "0", "left the alternate screen", file: file, line: line)
        XCTAssertEqual(mouse, "0", "mouse reporting off", file: file, line: line)
    }

    /// Waits until the screen and a pane format (`#{mouse_any_flag}`) both show a state.
    private func waitFor(_ what: String, format: String, _ condition: @escaping ([String], String) -> Bool) throws {
        let session = try XCTUnwrap(session)
        try Poll.until(what, look: { (try session.screen(joined: true), try session.paneFormat(format)) }, holds: condition,
                       describe: { "\(format) = \($0.1)\n" + $0.0.joined(separator: "\n") })
    }

    func testDrawsTheBoxAndTextAcrossTheWholeScreen() throws {
        try startDemo()
        let screen = try waitForFrame("the 80x24 frame")
        XCTAssertEqual(screen[1], "┃ Hello from TerminalCurses" + String(repeating: " ", count: 52) + "┃")
        XCTAssertTrue(row(screen, containing: "size:").contains("size: 80x24"))
    }

    func testKeysAreEchoedAndCtrlCIsAKeyNotASignal() throws {
        let session = try startDemo()
        let cases: [([String], String)] = [
            (["x"], "key: x"), (["C-c"], "key: ctrl-c"), (["M-x"], "key: alt-x"),
            (["Escape"], "key: esc"), (["F5"], "key: F5"), (["Up"], "key: up"),
            (["BTab"], "key: shift-tab"), (["NPage"], "key: pgdn"), (["Enter"], "key: enter"),
            (["BSpace"], "key: backspace"), (["中"], "key: 中"),
        ]
        for (keys, expected) in cases {
            try session.press(keys[0])
            try waitForFrame(expected) { self.row($0, containing: "key:").contains(expected + " ") }
        }
    }

    func testWideTextIsPlacedInTheRightColumns() throws {
        let session = try startDemo()
        func check(_ text: String) throws {
            try waitForFrame(text) { screen in
                self.row(screen, containing: "wide:") == "┃ wide: \(text)|end" + String(repeating: " ", count: 57) + "┃"
            }
        }
        try check("漢字テスト")
        try session.press("w")  // wide → narrow, cell by cell
        try check("abcdefghij")
        try session.press("w")  // and back
        try check("漢字テスト")
    }

    func testResizeRedrawsAtTheNewSize() throws {
        let session = try startDemo()
        try session.resize(width: 100, height: 30)
        // The whole frame, bottom border included: its size row alone comes before the rest.
        let screen = try waitForFrame("the whole 100x30 frame", width: 100, height: 30)
        XCTAssertEqual(screen[29], "┗" + String(repeating: "━", count: 98) + "┛")
        XCTAssertEqual(DisplayWidth.of(row(screen, containing: "wide:")), 100)
    }

    func testQuitRestoresTheTerminal() throws {
        let session = try startDemo()
        try session.press("q")
        try assertRestored(exit: "0")
    }

    func testSigtermRestoresTheTerminalAndStillKillsTheProcess() throws {
        try startDemo()
        let pid = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(kill(pid_t(pid)!, SIGTERM), 0)
        try assertRestored(exit: "143")  // 128 + SIGTERM: the signal was re-raised
    }

    func testMouseClicksArriveAndMouseCanBeTurnedOff() throws {
        let session = try startDemo()
        try waitFor("mouse reporting on", format: "#{mouse_any_flag}") { _, flag in flag == "1" }
        // An X10 mouse report (what tmux-256color's kmous announces): left press at column 10, row 5.
        try session.sendBytes([0x1B, 0x5B, 0x4D, 0x20, 0x20 + 11, 0x20 + 6])
        try waitForFrame("the click") { self.row($0, containing: "mouse:").contains("click left at 10,5") }
        try session.sendBytes([0x1B, 0x5B, 0x4D, 0x20 + 65, 0x20 + 3, 0x20 + 4])  // wheel down
        try waitForFrame("the wheel") { self.row($0, containing: "mouse:").contains("wheelDown at 2,3") }
        try session.press("m")
        try waitFor("mouse off on screen and in the terminal", format: "#{mouse_any_flag}") { screen, flag in
            self.row(screen, containing: "mouse:").contains("[off]") && flag == "0"
        }
    }

    func testCursorIsShownWhereAskedAndHiddenOtherwise() throws {
        let session = try startDemo()
        let cursor = "#{cursor_flag} #{cursor_x},#{cursor_y}"
        try waitFor("the cursor hidden", format: "#{cursor_flag}") { _, flag in flag == "0" }
        try session.press("c")
        try waitFor("key: c with the cursor after it", format: cursor) { screen, at in
            self.row(screen, containing: "key:").contains("key: c ") && at == "1 8,3"
        }
        try session.press("x")  // cells change, the cursor must still end up after the key
        try waitFor("key: x with the cursor after it", format: cursor) { screen, at in
            self.row(screen, containing: "key:").contains("key: x ") && at == "1 8,3"
        }
        try session.press("c")
        try waitFor("key: c with the cursor hidden", format: "#{cursor_flag}") { screen, flag in
            self.row(screen, containing: "key:").contains("key: c ") && flag == "0"
        }
    }

    func testWakeFromAnotherThreadReturnsFromNextEvent() throws {
        try startDemo("--wake-every 50")
        try waitForFrame("three wakes") { screen in
            let line = self.row(screen, containing: "wakes:")
            let n = Int(line.split(separator: " ").dropFirst(2).first ?? "") ?? 0
            return n >= 3
        }
    }

    func testSuspendHandsOverACookedTerminalAndResumeRedraws() throws {
        let sttyFile = pidFile + ".stty"
        defer { try? FileManager.default.removeItem(atPath: sttyFile) }
        // The suspended command waits for a line: the test sees it, then lets it finish.
        let session = try startDemo("--suspend-command 'stty -a > \(sttyFile); echo SUSPENDED-NOW; read line'")
        try session.press("s")
        try session.waitFor("the child's output", joined: true) { $0.contains("SUSPENDED-NOW") }
        try session.press("Enter")
        try waitForFrame("the redraw after resume")
        let settings = try String(contentsOfFile: sttyFile, encoding: .utf8).split(whereSeparator: \.isWhitespace)
        XCTAssertTrue(settings.contains("icanon") && settings.contains("echo"), settings.joined(separator: " "))
        try session.press("x")
        try waitFor("keys and the mouse back after resume", format: "#{mouse_any_flag}") { screen, flag in
            self.row(screen, containing: "key:").contains("key: x") && flag == "1"
        }
    }

    func testColoursReachTheTerminalAndNoColorLeavesOnlyAttributes() throws {
        var session = try startDemo()
        var line = row(try waitForFrame("the coloured frame", styled: true), containing: "RED")
        XCTAssertTrue(line.contains("31m"), line)   // red foreground
        XCTAssertTrue(line.contains("\u{1B}[7mSEL") || line.contains("7mSEL"), line)
        try session.press("q")
        try assertRestored(exit: "0")
        session.close()

        session = try startDemo(environment: "NO_COLOR=1")
        line = row(try waitForFrame("the frame without colour", styled: true), containing: "RED")
        XCTAssertFalse(line.contains("31m"), line)
        XCTAssertTrue(line.contains("1mRED"), line)  // still bold
    }
}
