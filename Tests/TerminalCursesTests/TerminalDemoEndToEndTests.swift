import Foundation
import TerminalKit
import XCTest

/// Runs the real `terminal-demo` binary in tmux and reads the screen back.
final class TerminalDemoEndToEndTests: XCTestCase {
    private var session: TmuxSession!
    private var pidFile = ""

    override func setUpWithError() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed")
        session = TmuxSession(prefix: "demo")
        pidFile = NSTemporaryDirectory() + "terminal-demo-\(session.socket).pid"
    }

    override func tearDown() {
        session?.kill()
        try? FileManager.default.removeItem(atPath: pidFile)
    }

    /// On Linux the test bundle's URL is the products folder, where the demo is built too.
    private var demoPath: String {
        get throws {
            let products = Bundle(for: TerminalDemoEndToEndTests.self).bundleURL
            for dir in [products, products.deletingLastPathComponent()] {
                let candidate = dir.appendingPathComponent("terminal-demo").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
            XCTFail("terminal-demo not found next to \(products.path); build the package first")
            throw CocoaError(.fileNoSuchFile)
        }
    }

    /// Starts the demo, then (once it exits) prints its status and the tty settings.
    private func startDemo(_ arguments: String = "", environment: String = "") throws {
        let demo = try demoPath
        let command = "env -u NO_COLOR LANG=C.UTF-8 TERM=tmux-256color \(environment) '\(demo)' "
            + "--pid-file '\(pidFile)' \(arguments); echo EXIT=$?; stty -a; sleep 600"
        try session.start(command: command)
        try session.waitFor("the demo's first frame") { $0.joined().contains("Hello from TerminalCurses") }
    }

    private func row(_ screen: [String], containing text: String) -> String {
        screen.first { $0.contains(text) } ?? ""
    }

    private func assertRestored(exit status: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let screen = try session.waitFor("the demo to exit", file: file, line: line) {
            $0.contains { $0.hasPrefix("EXIT=") } && $0.joined(separator: " ").contains("echoctl")
        }
        XCTAssertTrue(screen.contains("EXIT=\(status)"), "exit status", file: file, line: line)
        let words = Set(screen.drop { !$0.hasPrefix("EXIT=") }.joined(separator: " ").split(separator: " "))
        for flag in ["icanon", "echo", "isig", "icrnl"] {
            XCTAssertTrue(words.contains(Substring(flag)), "stty shows \(flag)", file: file, line: line)
            XCTAssertFalse(words.contains(Substring("-" + flag)), "stty shows -\(flag)", file: file, line: line)
        }
        XCTAssertEqual(try session.display("#{alternate_on}"), "0", "left the alternate screen",
                       file: file, line: line)
        XCTAssertEqual(try session.display("#{mouse_any_flag}"), "0", "mouse reporting off",
                       file: file, line: line)
    }

    func testDrawsTheBoxAndTextAcrossTheWholeScreen() throws {
        try startDemo()
        let screen = try session.capture()
        XCTAssertEqual(screen.count, 24)
        XCTAssertTrue(screen[0].hasPrefix("┏━ terminal-demo ━"), screen[0])
        XCTAssertTrue(screen[0].hasSuffix("━ 80x24 ━┓"), screen[0])
        XCTAssertEqual(screen[1], "┃ Hello from TerminalCurses" + String(repeating: " ", count: 52) + "┃")
        XCTAssertEqual(screen[23], "┗" + String(repeating: "━", count: 78) + "┛")
        XCTAssertTrue(row(screen, containing: "size:").contains("size: 80x24"))
    }

    func testKeysAreEchoedAndCtrlCIsAKeyNotASignal() throws {
        try startDemo()
        let cases: [([String], String)] = [
            (["x"], "key: x"), (["C-c"], "key: ctrl-c"), (["M-x"], "key: alt-x"),
            (["Escape"], "key: esc"), (["F5"], "key: F5"), (["Up"], "key: up"),
            (["BTab"], "key: shift-tab"), (["NPage"], "key: pgdn"), (["Enter"], "key: enter"),
            (["BSpace"], "key: backspace"), (["中"], "key: 中"),
        ]
        for (keys, expected) in cases {
            try session.sendKeys(keys[0])
            try session.waitFor(expected) { screen in
                self.row(screen, containing: "key:").contains(expected + " ")
            }
        }
    }

    func testWideTextIsPlacedInTheRightColumns() throws {
        try startDemo()
        func check(_ text: String) throws {
            let screen = try session.waitFor(text) { self.row($0, containing: "wide:").contains(text) }
            let line = row(screen, containing: "wide:")
            XCTAssertEqual(line, "┃ wide: \(text)|end" + String(repeating: " ", count: 57) + "┃")
            XCTAssertEqual(DisplayWidth.of(line), 80)
        }
        try check("漢字テスト")
        try session.sendKeys("w")  // wide → narrow, cell by cell
        try check("abcdefghij")
        try session.sendKeys("w")  // and back
        try check("漢字テスト")
    }

    func testResizeRedrawsAtTheNewSize() throws {
        try startDemo()
        try session.resize(width: 100, height: 30)
        let screen = try session.waitFor("the 100x30 frame") {
            $0.count == 30 && self.row($0, containing: "size:").contains("size: 100x30")
        }
        XCTAssertTrue(screen[0].hasSuffix("━ 100x30 ━┓"), screen[0])
        XCTAssertEqual(screen[29], "┗" + String(repeating: "━", count: 98) + "┛")
        XCTAssertEqual(DisplayWidth.of(row(screen, containing: "wide:")), 100)
    }

    func testQuitRestoresTheTerminal() throws {
        try startDemo()
        try session.sendKeys("q")
        try assertRestored(exit: "0")
    }

    func testSigtermRestoresTheTerminalAndStillKillsTheProcess() throws {
        try startDemo()
        let pid = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(kill(pid_t(pid)!, SIGTERM), 0)
        try assertRestored(exit: "143")  // 128 + SIGTERM: the signal was re-raised
    }

    func testMouseClicksArriveAndMouseCanBeTurnedOff() throws {
        try startDemo()
        XCTAssertEqual(try session.display("#{mouse_any_flag}"), "1")
        // An X10 mouse report (what tmux-256color's kmous announces): left press at column 10, row 5.
        try session.sendBytes([0x1B, 0x5B, 0x4D, 0x20, 0x20 + 11, 0x20 + 6])
        try session.waitFor("the click") { self.row($0, containing: "mouse:").contains("click left at 10,5") }
        try session.sendBytes([0x1B, 0x5B, 0x4D, 0x20 + 65, 0x20 + 3, 0x20 + 4])  // wheel down
        try session.waitFor("the wheel") { self.row($0, containing: "mouse:").contains("wheelDown at 2,3") }
        try session.sendKeys("m")
        try session.waitFor("mouse off") { self.row($0, containing: "mouse:").contains("[off]") }
        XCTAssertEqual(try session.display("#{mouse_any_flag}"), "0")
    }

    func testCursorIsShownWhereAskedAndHiddenOtherwise() throws {
        try startDemo()
        XCTAssertEqual(try session.display("#{cursor_flag}"), "0")
        try session.sendKeys("c")
        try session.waitFor("key: c") { self.row($0, containing: "key:").contains("key: c ") }
        XCTAssertEqual(try session.display("#{cursor_flag} #{cursor_x},#{cursor_y}"), "1 8,3")
        try session.sendKeys("x")  // cells change, the cursor must still end up after the key
        try session.waitFor("key: x") { self.row($0, containing: "key:").contains("key: x ") }
        XCTAssertEqual(try session.display("#{cursor_flag} #{cursor_x},#{cursor_y}"), "1 8,3")
        try session.sendKeys("c")
        try session.waitFor("key: c") { self.row($0, containing: "key:").contains("key: c ") }
        XCTAssertEqual(try session.display("#{cursor_flag}"), "0")
    }

    func testWakeFromAnotherThreadReturnsFromNextEvent() throws {
        try startDemo("--wake-every 50")
        try session.waitFor("three wakes") { screen in
            let line = self.row(screen, containing: "wakes:")
            let n = Int(line.split(separator: " ").dropFirst(2).first ?? "") ?? 0
            return n >= 3
        }
    }

    func testSuspendHandsOverACookedTerminalAndResumeRedraws() throws {
        let sttyFile = pidFile + ".stty"
        defer { try? FileManager.default.removeItem(atPath: sttyFile) }
        try startDemo("--suspend-command 'stty -a > \(sttyFile); echo SUSPENDED-NOW; sleep 0.3'")
        try session.sendKeys("s")
        try session.waitFor("the child's output") { $0.contains("SUSPENDED-NOW") }
        try session.waitFor("the redraw after resume") { $0.joined().contains("Hello from TerminalCurses") }
        let settings = try String(contentsOfFile: sttyFile, encoding: .utf8).split(whereSeparator: \.isWhitespace)
        XCTAssertTrue(settings.contains("icanon") && settings.contains("echo"), settings.joined(separator: " "))
        try session.sendKeys("x")
        try session.waitFor("keys after resume") { self.row($0, containing: "key:").contains("key: x") }
        XCTAssertEqual(try session.display("#{mouse_any_flag}"), "1", "mouse back on after resume")
    }

    func testColoursReachTheTerminalAndNoColorLeavesOnlyAttributes() throws {
        try startDemo()
        var line = row(try session.capture(escapes: true), containing: "RED")
        XCTAssertTrue(line.contains("31m"), line)   // red foreground
        XCTAssertTrue(line.contains("\u{1B}[7mSEL") || line.contains("7mSEL"), line)
        try session.sendKeys("q")
        try assertRestored(exit: "0")
        session.kill()

        session = TmuxSession(prefix: "nocolor")
        try startDemo(environment: "NO_COLOR=1")
        line = row(try session.capture(escapes: true), containing: "RED")
        XCTAssertFalse(line.contains("31m"), line)
        XCTAssertTrue(line.contains("1mRED"), line)  // still bold
    }
}
