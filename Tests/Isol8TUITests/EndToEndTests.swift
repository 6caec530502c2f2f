import Foundation
import Isol8Core
import Isol8TestSupport
import XCTest

/// The real `isol8-tui` in a real terminal (tmux) against the real Docker daemon and images.
final class EndToEndTests: XCTestCase {
    private func tui(_ arguments: String, width: Int = 120, height: Int = 40, term: String? = nil,
                     editor: String? = nil) throws -> TmuxSession {
        let environment = (term.map { "TERM=\($0) " } ?? "") + (editor.map { "EDITOR='\($0)' " } ?? "")
        let command = environment + "\(TmuxSession.binary) \(arguments)"
        let session = try TmuxSession(command, width: width, height: height, in: self)
        try session.waitFor("the local target to answer") { $0.first.map { $0.contains("local") && !$0.contains("connecting") } ?? false }
        return session
    }

    /// The status line (second row from the bottom).
    private func status(_ screen: [String]) -> String { screen.count >= 2 ? screen[screen.count - 2] : "" }

    func testHelloRunShowsOutputAndExitZero() throws {
        let session = try tui("examples/hello.py")
        try session.waitFor(text: "print(\"hello from the isol8 sandbox\")")
        try session.press("r")
        let screen = try session.waitFor("exit 0 in the status line") { self.status($0).contains("run #1: exit 0") }
        XCTAssertTrue(screen.contains { $0.contains("hello from the isol8 sandbox") })
        XCTAssertTrue(screen.contains { $0.contains("this line goes to stderr") })
        XCTAssertTrue(screen.contains { $0.contains("python 3.") })
        try session.press("q")
    }

    func testMemoryKnobMakesTheHogRunOutOfMemory() throws {
        let session = try tui("examples/memory-hog.py")
        try session.press(":")
        try session.type("set memory 32m")
        try session.press("Enter")
        try session.waitFor(text: "memory = 32m")
        try session.press("r")
        let screen = try session.waitFor("OOM in the status line", timeout: 60) { self.status($0).contains("OOM") }
        XCTAssertTrue(status(screen).contains("exit 137"), status(screen))
        XCTAssertTrue(screen.contains { $0.contains("OUT OF MEMORY") })
        try session.press("5")
        try session.waitFor("memoryLimit from the tui") { $0.contains { $0.contains("memoryLimit") && $0.contains("32m") && $0.contains("tui") } }
        try session.press("q")
    }

    func testXCancelsAnInfiniteLoopAndRemovesItsContainer() async throws {
        let session = try tui("examples/forever.py")
        try session.press("r")
        try session.waitFor(text: "tick 2")
        try session.press("4")
        let pane = try session.waitFor("the container id") { $0.contains { $0.contains("running · up") } }
        let id = try XCTUnwrap(containerID(in: pane))
        try session.press("x")
        let screen = try session.waitFor("cancelled") { self.status($0).contains("cancelled") }
        XCTAssertTrue(screen.last?.contains("r run") == true, "the UI stays up after a cancel")
        let client = try DockerClient.fromEnvironment()
        var gone = false
        for _ in 0..<100 where !gone {
            do {
                _ = try await client.inspectContainer(id)
                try await Task.sleep(nanoseconds: 100_000_000)
            } catch DockerError.api(404, _) {
                gone = true
            }
        }
        XCTAssertTrue(gone, "container \(id) should be removed after the cancel")
        try session.press("q")
    }

    func testResizeMidRunRedrawsCleanly() throws {
        let session = try tui("examples/forever.py")
        try session.press("r")
        try session.waitFor(text: "tick 2")
        try session.resize(width: 80, height: 24)
        var screen = try session.waitFor("the 80×24 layout") { $0.count == 24 && $0[0].hasPrefix("local ") && $0[23].contains("cancel") }
        XCTAssertTrue(screen[1].hasPrefix("┌─ 1 Code") && screen[1].hasSuffix("┓"), screen[1])
        XCTAssertTrue(screen[21].hasPrefix("└") && screen[21].hasSuffix("┘"), "side pane bottom border: \(screen[21])")
        XCTAssertTrue(screen.allSatisfy { $0.count <= 80 })
        XCTAssertTrue(screen.contains { $0.contains("tick") }, "output keeps streaming after the resize")
        try session.resize(width: 50, height: 14)
        try session.waitFor(text: "terminal too small")
        try session.resize(width: 100, height: 30)
        screen = try session.waitFor("the 100×30 layout") { $0.count == 30 && $0[1].hasPrefix("┌─ 1 Code") }
        XCTAssertFalse(screen.joined().contains("too small"), "nothing left over from the notice")
        try session.press("x")
        try session.waitFor("cancelled") { self.status($0).contains("cancelled") }
        try session.press("q")
    }

    /// Closing the terminal (SIGHUP) ends the TUI as q does: the run is cancelled and its
    /// container removed, not left for the next client's orphan sweep.
    func testHangUpCleansUpAsQuitDoes() async throws {
        let session = try tui("examples/forever.py")
        try session.press("r")
        try session.waitFor(text: "tick 2")
        let shell = try XCTUnwrap(Int32(try session.paneFormat("#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)))
        let tuiPid = try Self.process(named: "isol8-tui", at: shell)
        let client = try DockerClient.fromEnvironment()
        let owned = { try await client.listContainers(all: true, filters: ["label": ["\(ContainerOwner.pidLabel)=\(tuiPid)"]]) }
        let before = try await owned()
        XCTAssertFalse(before.isEmpty, "the run's container carries the TUI as its owner")
        kill(tuiPid, SIGHUP)
        let deadline = Date().addingTimeInterval(30)
        var left = before
        while !left.isEmpty, Date() < deadline {
            try await Task.sleep(nanoseconds: 100_000_000)  // polling for the removal, not deciding it
            left = try await owned()
        }
        XCTAssertTrue(left.isEmpty, "containers left after SIGHUP: \(left.map(\.Id))")
    }

    /// `pid` itself when it runs `name`, else its child that does (the shell tmux starts).
    private static func process(named name: String, at pid: Int32) throws -> Int32 {
        let comm = { (pid: Int32) in (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) }
        if comm(pid) == name { return pid }
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        let child = children.split(separator: " ").compactMap { Int32($0) }.first { comm($0) == name }
        return try XCTUnwrap(child, "no \(name) process under \(pid)")
    }

    func testQuitRestoresTheTerminal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tui-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let stty = dir.appendingPathComponent("stty.txt").path
        let session = try TmuxSession("sh -c '\(TmuxSession.binary) examples/hello.py; stty -a > \(stty); sleep 30'", in: self)
        try session.waitFor("the local target to answer") { $0.first.map { $0.contains("local") && !$0.contains("connecting") } ?? false }
        try session.press("q")
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: stty) && Date() < deadline { usleep(100_000) }
        usleep(200_000)
        let modes = try String(contentsOfFile: stty, encoding: .utf8)
            .components(separatedBy: CharacterSet(charactersIn: " ;\n")).filter { !$0.isEmpty }
        XCTAssertTrue(modes.contains("icanon"), "canonical mode is back: \(modes)")
        XCTAssertTrue(modes.contains("echo"), "echo is back: \(modes)")
        XCTAssertFalse(modes.contains("-icanon") || modes.contains("-echo"))
    }

    func testPersistKeepsTheContainerForTheContainerPane() async throws {
        let session = try tui("--persist examples/hello.py")
        try session.press("r")
        try session.waitFor("exit 0") { self.status($0).contains("run #1: exit 0") }
        try session.press("4", "Enter")
        let screen = try session.waitFor("the live container with its /sandbox") { rows in
            rows.contains { $0.contains("running · up") } && rows.contains { $0.contains("main.py") }
        }
        XCTAssertTrue(screen.contains { $0.contains("memory") && $0.contains("512m") && $0.contains("512.0 MiB") })
        XCTAssertTrue(screen.contains { $0.contains("sleep infinity") }, "processes from top")
        let id = try XCTUnwrap(containerID(in: screen))
        let client = try DockerClient.fromEnvironment()
        try await client.killContainer(id)
        try session.waitFor("the daemon's kill event and the stopped state") { rows in
            rows.contains { $0.contains("event") && ($0.contains("die") || $0.contains("kill")) } && rows.contains { $0.contains("exited") }
        }
        try await client.removeContainer(id, force: true)
        try session.waitFor("the destroy event to mark it removed") { $0.contains { $0.contains("state") && $0.contains("removed") } }
        try session.press("q")
        try session.waitFor("the debugger to quit") { !$0.contains { $0.contains("isol8-tui") } }
    }

    func testDebugLinesGoToTheDebugPaneNeverToTheTerminal() throws {
        let session = try tui("--debug examples/hello.py")
        try session.press("r")
        try session.waitFor("exit 0") { self.status($0).contains("run #1: exit 0") }
        try session.press("6")
        let screen = try session.waitFor(text: "[DEBUG] [Pool] Container")
        XCTAssertTrue(screen[0].hasPrefix("isol8-tui"), "nothing was written over the header")
        let debugRows = screen.enumerated().filter { $0.element.contains("[DEBUG]") }.map(\.offset)
        let sideTop = try XCTUnwrap(screen.firstIndex { $0.contains("6 Debug") })
        XCTAssertTrue(debugRows.allSatisfy { $0 > sideTop }, "[DEBUG] lines only inside the Debug pane")
        try session.press("q")
    }

    func testABrokenThemeIsNamedAndTheDefaultIsUsed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tui-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let theme = dir.appendingPathComponent("broken.json").path
        try #"{"roles": {"stdrr": {"fg": "red"}}}"#.write(toFile: theme, atomically: true, encoding: .utf8)
        let session = try tui("--theme \(theme) examples/hello.py", width: 200)
        let screen = try session.waitFor(text: "using the default theme")
        XCTAssertTrue(status(screen).contains(theme), status(screen))
        XCTAssertTrue(status(screen).contains("roles.stdrr"), status(screen))
        try session.press("q")
    }

    func testAFilteredRunListsTheAllowedAndTheBlockedRequest() throws {
        let servers = try LocalServers()
        let hosts = servers.hostFlags(["allowed.test", "blocked.test"]).joined(separator: " ")
        let session = try tui("examples/fetch.py --net filtered --log-network --allow '^allowed\\.test$' --stdin \(servers.httpPort) \(hosts)")
        try session.press("r")
        try session.waitFor("exit 0") { self.status($0).contains("run #1: exit 0") }
        let screen = try session.waitFor("both requests in the Network pane") { rows in
            rows.contains { $0.contains("ALLOW") && $0.contains("allowed.test") } && rows.contains { $0.contains("BLOCK") && $0.contains("blocked.test") }
        }
        XCTAssertTrue(screen.contains { $0.contains("allowed.test:\(servers.httpPort)/ -> 200") }, "the allowed host answered")
        XCTAssertTrue(screen.contains { $0.contains("blocked.test:\(servers.httpPort)/ -> 403 Forbidden") }, "the proxy refused the other")
        try session.press("q")
    }

    func testClickFocusesWheelScrollsAndMReleasesTheMouse() throws {
        // xterm's terminfo: ncurses then asks for SGR mouse reports, which tmux passes on as typed.
        let session = try tui("-e 'for i in range(200): print(i)'", term: "xterm-256color")
        XCTAssertEqual(try session.paneFormat("#{mouse_any_flag}#{mouse_sgr_flag}"), "11", "mouse on by default")
        try session.press("r")
        try session.waitFor("exit 0") { self.status($0).contains("run #1: exit 0") }
        let screen = try session.screen()
        let networkTop = try XCTUnwrap(screen.firstIndex { $0.contains("3 Network") })
        try session.mouse(button: 0, x: 10, y: networkTop + 2)
        try session.waitFor("the Network pane focused") { $0[networkTop].hasPrefix("┏━ 3 Network") }
        try session.waitFor(text: "follow:on")
        try session.mouse(button: 64, x: 60, y: 5)
        try session.waitFor("the wheel to scroll the Output pane back") { $0.contains { $0.contains("follow:off") } }
        try session.press("m")
        try session.waitFor(text: "mouse released")
        XCTAssertEqual(try session.paneFormat("#{mouse_any_flag}"), "0", "the terminal may select text again")
        try session.press("m")
        try session.waitFor(text: "mouse captured")
        XCTAssertEqual(try session.paneFormat("#{mouse_any_flag}"), "1")
        try session.press("q")
    }

    func testTSwitchesTheThemeLive() throws {
        let session = try tui("examples/hello.py", term: "xterm-256color")
        let before = try session.styledScreen()
        try session.press("t")
        let screen = try session.waitFor("a theme switch") { self.status($0).contains("theme: ") }
        let name = try XCTUnwrap(status(screen).components(separatedBy: "theme: ").last?.trimmingCharacters(in: .whitespaces))
        XCTAssertNotEqual(name, "default")
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(TmuxSession.root)/themes/\(name).json"), name)
        XCTAssertNotEqual(try session.styledScreen(), before, "the screen was redrawn in the new colours")
        try session.press("q")
    }

    func testEEditsInlineCodeInTheEditorAndRRunsTheEdit() throws {
        // A non-interactive "editor": sed changes the scratch file the TUI hands it.
        let session = try tui("-e 'print(6 * 7)'", editor: "sed -i s/6/7/")
        try session.press("1", "e")
        try session.waitFor(text: "print(7 * 7)")
        try session.press("r")
        try session.waitFor("exit 0") { self.status($0).contains("run #1: exit 0") }
        try session.waitFor(text: "49")
        try session.press("q")
    }

    func testWithoutATerminalItPointsToIsol8Run() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        process.arguments = ["examples/hello.py"]
        process.currentDirectoryURL = URL(fileURLWithPath: TmuxSession.root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2)
        XCTAssertEqual(message, "isol8-tui needs a terminal; use `isol8 run` for plain output.\n")
    }

    /// The 12-digit id on the Container pane's `id` row.
    private func containerID(in screen: [String]) -> String? {
        for row in screen {
            let fields = row.split(whereSeparator: { $0 == " " || $0 == "┃" || $0 == "│" })
            if fields.count >= 2, fields[0] == "id", fields[1].count == 12, fields[1].allSatisfy(\.isHexDigit) {
                return String(fields[1])
            }
        }
        return nil
    }
}
