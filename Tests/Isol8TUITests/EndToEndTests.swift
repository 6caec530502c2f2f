import Foundation
import Isol8Core
import Isol8TestSupport
import TerminalKit
import XCTest

/// The real `isol8-tui` in a real terminal (tmux) against the real Docker daemon and images.
final class EndToEndTests: XCTestCase {
    private static let binary = BuiltProduct.path("isol8-tui")

    /// Starts the debugger and waits for its whole first frame with Docker connected.
    private func tui(_ arguments: String, width: Int = 120, height: Int = 40, term: String? = nil,
                     editor: String? = nil, escDelay: Int? = nil) throws -> TmuxSession {
        let environment = (term.map { "TERM=\($0) " } ?? "") + (editor.map { "EDITOR='\($0)' " } ?? "")
            + (escDelay.map { "ESCDELAY=\($0) " } ?? "")
        let session = try TmuxSession(environment + "\(Self.binary) \(arguments)", width: width, height: height,
                                      directory: BuiltProduct.repositoryRoot, in: self)
        try frame(session, "the first frame with the local target answering", width: width, height: height) { rows in
            rows[0].contains("local") && !rows[0].contains("connecting")
        }
        return session
    }

    /// Waits for a complete frame of `width`×`height` (every pane's borders drawn, the key
    /// line at the bottom) of which `condition` holds: what a test asserts must be part of
    /// the condition, or a capture between two writes of one frame could be asserted on.
    @discardableResult
    private func frame(_ session: TmuxSession, _ what: String, width: Int = 120, height: Int = 40,
                       file: StaticString = #filePath, line: UInt = #line, _ condition: @escaping ([String]) -> Bool) throws -> [String] {
        try session.waitFor(what, file: file, line: line) { rows in
            Self.isComplete(rows, width: width, height: height) && condition(rows)
        }
    }

    private static let leftBorders: Set<Character> = ["┌", "│", "└", "┏", "┃", "┗"]
    private static let rightBorders: Set<Character> = ["┐", "│", "┘", "┓", "┃", "┛"]

    /// Header on top, status and key lines at the bottom, and between them only pane rows
    /// that begin and end with a border, each exactly `width` cells wide.
    private static func isComplete(_ rows: [String], width: Int, height: Int) -> Bool {
        guard rows.count == height, !rows[0].isEmpty, !rows[height - 1].isEmpty else { return false }
        return rows[1..<(height - 2)].allSatisfy { row in
            guard let first = row.first, let last = row.last else { return false }
            return leftBorders.contains(first) && rightBorders.contains(last) && DisplayWidth.of(row) == width
        }
    }

    /// Types a `:` command and submits it.
    private func type(_ command: String, into session: TmuxSession) throws {
        try session.press(":")
        try session.type(command)
        try session.press("Enter")
    }

    /// The status line (second row from the bottom).
    private func status(_ screen: [String]) -> String { screen.count >= 2 ? screen[screen.count - 2] : "" }

    func testHelloRunShowsOutputAndExitZero() throws {
        let session = try tui("examples/hello.py")
        try frame(session, "the code") { $0.contains { $0.contains("print(\"hello from the isol8 sandbox\")") } }
        try session.press("r")
        try frame(session, "exit 0 in the status line and the run's stdout and stderr") { rows in
            self.status(rows).contains("run #1: exit 0")
                && rows.contains { $0.contains("hello from the isol8 sandbox") }
                && rows.contains { $0.contains("this line goes to stderr") }
                && rows.contains { $0.contains("python 3.") }
        }
        try session.press("q")
    }

    func testMemoryKnobMakesTheHogRunOutOfMemory() throws {
        let session = try tui("examples/memory-hog.py")
        try session.press(":")
        try session.type("set memory 32m")
        try session.press("Enter")
        try frame(session, "the knob set") { $0.contains { $0.contains("memory = 32m") } }
        try session.press("r")
        try frame(session, "OOM and exit 137 in the status line, the marker in the Output pane") { rows in
            self.status(rows).contains("OOM") && self.status(rows).contains("exit 137")
                && rows.contains { $0.contains("OUT OF MEMORY") }
        }
        try session.press("5")
        try frame(session, "memoryLimit from the tui") { $0.contains { $0.contains("memoryLimit") && $0.contains("32m") && $0.contains("tui") } }
        try session.press("q")
    }

    func testBisectFindsTheMemoryKnobAmongThreeChangedOnes() throws {
        let session = try tui("examples/memory-hog.py")
        try session.press("r")
        try frame(session, "run #1 to pass") { self.status($0).contains("run #1: exit 0") }
        for command in ["set memory 32m", "set timeout 9000", "set net filtered"] {
            try session.press(":")
            try session.type(command)
            try session.press("Enter")
            try frame(session, ":\(command) applied") { self.status($0).contains("(applies to the next run)") && self.status($0).contains(command.split(separator: " ")[2]) }
        }
        try session.press("r")
        try frame(session, "run #2 to run out of memory") { self.status($0).contains("exit 137") }
        try session.press("7")
        try session.press("Space")
        try session.press("Up")
        try session.press("Space")
        try session.press(":")
        try session.type("bisect")
        try session.press("Enter")
        try frame(session, "the verdict in the status line") { self.status($0).contains("memoryLimit 512m → 32m alone makes the run fail") }
        try session.press("q")
    }

    func testOutOfMemoryIsDiagnosedAndFFixesItAndTheRerunPasses() throws {
        let session = try tui("--memory 32m -e 'data = \"x\" * (30 * 1024 * 1024); print(\"held\", len(data) // 1048576, \"MB\")'")
        try session.press("r")
        try frame(session, "the out-of-memory diagnosis and its fix in the status line") { rows in
            self.status(rows).contains("run #1: exit 137") && self.status(rows).contains("out of memory — F: :set memory 64m")
        }
        try session.press("D")
        try frame(session, "the Diagnosis view with what it saw") { rows in
            rows.contains { $0.contains("Diagnosis of run #1") } && rows.contains { $0.contains("saw: --- OUT OF MEMORY") }
        }
        try session.press("Enter")
        try frame(session, "the re-run with 64m passing") { rows in
            self.status(rows).contains("run #2: exit 0") && rows.contains { $0.contains("held 30 MB") }
        }
        try session.press("5")
        try frame(session, "memoryLimit 64m from the tui") { $0.contains { $0.contains("memoryLimit") && $0.contains("64m") && $0.contains("tui") } }
        try session.press("q")
    }

    func testXCancelsAnInfiniteLoopAndRemovesItsContainer() async throws {
        let session = try tui("examples/forever.py")
        try session.press("r")
        try frame(session, "tick 2") { $0.contains { $0.contains("tick 2") } }
        try session.press("4")
        let pane = try frame(session, "the container id") { rows in
            rows.contains { $0.contains("running · up") } && self.containerID(in: rows) != nil
        }
        let id = try XCTUnwrap(containerID(in: pane))
        try session.press("x")
        try frame(session, "cancelled, and the UI still up with its key line") { rows in
            self.status(rows).contains("cancelled") && rows.last?.contains("r run") == true
        }
        let client = try DockerClient.fromEnvironment()
        try await client.waitUntilRemoved(id)
        try session.press("q")
    }

    func testResizeMidRunRedrawsCleanly() throws {
        let session = try tui("examples/forever.py")
        try session.press("r")
        try frame(session, "tick 2") { $0.contains { $0.contains("tick 2") } }
        try session.resize(width: 80, height: 24)
        try frame(session, "the 80×24 layout, output still streaming", width: 80, height: 24) { rows in
            rows[0].hasPrefix("local ") && rows[23].contains("cancel")
                && rows[1].hasPrefix("┌─ 1 Code") && rows[1].hasSuffix("┓")
                && rows[21].hasPrefix("└") && rows[21].hasSuffix("┘")
                && rows.contains { $0.contains("tick") }
        }
        try session.resize(width: 50, height: 14)
        try session.waitFor(text: "terminal too small")
        try session.resize(width: 100, height: 30)
        try frame(session, "the 100×30 layout with nothing left over from the notice", width: 100, height: 30) { rows in
            rows[1].hasPrefix("┌─ 1 Code") && !rows.joined().contains("too small")
        }
        try session.press("x")
        try frame(session, "cancelled", width: 100, height: 30) { self.status($0).contains("cancelled") }
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
        // Written whole, then renamed: the file appears with all its modes or not at all.
        let session = try TmuxSession("sh -c '\(Self.binary) examples/hello.py; stty -a > \(stty).part; mv \(stty).part \(stty); sleep 600'",
                                      width: 120, height: 40, directory: BuiltProduct.repositoryRoot, in: self)
        try frame(session, "the first frame with the local target answering") { $0[0].contains("local") && !$0[0].contains("connecting") }
        try session.press("q")
        let text = try Poll.until("stty -a after the quit", look: { try? String(contentsOfFile: stty, encoding: .utf8) },
                                  holds: { $0 != nil }, describe: { _ in (try? session.screen().joined(separator: "\n")) ?? "" })
        let modes = (text ?? "").components(separatedBy: CharacterSet(charactersIn: " ;\n")).filter { !$0.isEmpty }
        XCTAssertTrue(modes.contains("icanon"), "canonical mode is back: \(modes)")
        XCTAssertTrue(modes.contains("echo"), "echo is back: \(modes)")
        XCTAssertFalse(modes.contains("-icanon") || modes.contains("-echo"))
    }

    func testPersistKeepsTheContainerForTheContainerPane() async throws {
        let session = try tui("--persist examples/hello.py")
        try session.press("r")
        try frame(session, "exit 0") { self.status($0).contains("run #1: exit 0") }
        try session.press("4", "Enter")
        let screen = try frame(session, "the live container with its /sandbox, limits, usage and processes") { rows in
            rows.contains { $0.contains("running · up") } && rows.contains { $0.contains("main.py") }
                && rows.contains { $0.contains("memory") && $0.contains("512m") && $0.contains("512.0 MiB") }
                && rows.contains { $0.contains("sleep infinity") }
                && self.containerID(in: rows) != nil
        }
        let id = try XCTUnwrap(containerID(in: screen))
        let client = try DockerClient.fromEnvironment()
        try await client.killContainer(id)
        try frame(session, "the daemon's kill event and the stopped state") { rows in
            rows.contains { $0.contains("event") && ($0.contains("die") || $0.contains("kill")) } && rows.contains { $0.contains("exited") }
        }
        try await client.removeContainer(id, force: true)
        try frame(session, "the destroy event to mark it removed") { $0.contains { $0.contains("state") && $0.contains("removed") } }
        try session.press("q")
        try session.waitForEnd()
    }

    func testTheShellRunsInTheContainerAndExitReturnsToAnIntactScreen() async throws {
        let session = try tui("--persist examples/hello.py")
        try session.press("r")
        try frame(session, "exit 0") { self.status($0).contains("run #1: exit 0") }
        try session.press("4")
        let screen = try frame(session, "the live container") { rows in
            rows.contains { $0.contains("running · up") } && self.containerID(in: rows) != nil
        }
        let id = try XCTUnwrap(containerID(in: screen))
        try session.press("S")
        try session.waitFor("the shell's prompt in place of the debugger") { rows in
            !rows.contains { $0.contains("Container") } && rows.contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("$") }
        }
        try session.type("echo shell-$((6*7)) as $(id -un) in $PWD")
        try session.press("Enter")
        try session.waitFor("the command's output from inside the container") { $0.contains { $0.contains("shell-42 as sandbox in /sandbox") } }
        // The window size follows a resize; the loop waits inside the container until it does.
        try session.resize(width: 100, height: 30)
        try session.type(#"until [ "$(stty size)" = "30 100" ]; do sleep 0.1; done; echo resized-$((1+1))"#)
        try session.press("Enter")
        try session.waitFor("the new size inside the container") { $0.contains { $0.trimmingCharacters(in: .whitespaces) == "resized-2" } }
        try session.type("exit")
        try session.press("Enter")
        try frame(session, "the whole debugger back at the new size, saying the shell exited", width: 100, height: 30) { rows in
            self.status(rows).contains("exited with 0") && rows.contains { $0.contains("running · up") }
        }
        try session.press("q")
        try session.waitForEnd()
        try await DockerClient.fromEnvironment().removeContainer(id, force: true)
    }

    func testQuitSaysWhichPersistedContainersAreLeftAndHowToRemoveThem() async throws {
        let session = try TmuxSession("sh -c '\(Self.binary) --persist examples/hello.py; sleep 600'", width: 120, height: 40,
                                      directory: BuiltProduct.repositoryRoot, in: self)
        try frame(session, "the first frame with the local target answering") { $0[0].contains("local") && !$0[0].contains("connecting") }
        try session.press("r")
        try frame(session, "exit 0") { self.status($0).contains("run #1: exit 0") }
        try session.press("4")
        let pane = try frame(session, "the live container") { rows in rows.contains { $0.contains("running · up") } && self.containerID(in: rows) != nil }
        let id = try XCTUnwrap(containerID(in: pane))
        try session.press("q")
        let summary = try session.waitFor("the summary on the normal screen") { rows in
            rows.contains { $0.contains("Remove them with:  docker rm -f \(id.prefix(12))") }
        }
        XCTAssertTrue(summary.contains { $0.contains("isol8-tui leaves 1 persisted container(s) running on local:") }, "\(summary)")
        XCTAssertTrue(summary.contains { $0.contains("\(id.prefix(12))  (run #1)") }, "\(summary)")
        let client = try DockerClient.fromEnvironment()
        let left = try await client.inspectContainer(id)
        XCTAssertEqual(left.State?.Running, true, "it is left running, as said")
        try await client.removeContainer(id, force: true)
    }

    func testTheContainerPaneGraphsCPUAndMemoryOfAContainerAtWork() async throws {
        let session = try tui(#"--persist --cmd 'nohup sh -c "while :; do :; done" >/dev/null 2>&1 &'"#)
        try session.press("r")
        try frame(session, "exit 0") { self.status($0).contains("run #1: exit 0") }
        try session.press("4", "Enter")
        let blocks = Set("▁▂▃▄▅▆▇█")
        let screen = try frame(session, "three samples in the CPU and memory graphs") { rows in
            let graph = { (name: String) in rows.first { $0.contains(name) }.map { $0.filter(blocks.contains).count } ?? 0 }
            return graph("cpu graph") >= 3 && graph("mem graph") >= 3 && self.containerID(in: rows) != nil
        }
        try session.press("q")
        try session.waitForEnd()
        try await DockerClient.fromEnvironment().removeContainer(try XCTUnwrap(containerID(in: screen)), force: true)
    }

    func testDebugLinesGoToTheDebugPaneNeverToTheTerminal() throws {
        let session = try tui("--debug examples/hello.py")
        try session.press("r")
        try frame(session, "exit 0") { self.status($0).contains("run #1: exit 0") }
        try session.press("6")
        let screen = try frame(session, "pool lines in the Debug pane") { $0.contains { $0.contains("[DEBUG] [Pool] Container") } }
        XCTAssertTrue(screen[0].hasPrefix("isol8-tui"), "nothing was written over the header")
        let debugRows = screen.enumerated().filter { $0.element.contains("[DEBUG]") }.map(\.offset)
        let sideTop = try XCTUnwrap(screen.firstIndex { $0.contains("6 Debug") })
        XCTAssertTrue(debugRows.allSatisfy { $0 > sideTop }, "[DEBUG] lines only inside the Debug pane")
        // The same resolution lines as isol8 run --debug: every setting with its source, then the run's.
        try session.press("Enter", "/")
        try session.type("Config] memoryLimit")
        try session.press("Enter")
        try frame(session, "the configuration line with its source") { $0.contains { $0.contains("[DEBUG] [Config] memoryLimit = 512m (default)") } }
        try session.press("/")
        try session.type("Engine options")
        try session.press("Enter")
        try frame(session, "the run's resolution line") { $0.contains { $0.contains("[DEBUG] [Run] Engine options: mode=ephemeral, network=none") } }
        try session.press("q")
    }

    func testABrokenThemeIsNamedAndTheDefaultIsUsed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tui-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let theme = dir.appendingPathComponent("broken.json").path
        try #"{"roles": {"stdrr": {"fg": "red"}}}"#.write(toFile: theme, atomically: true, encoding: .utf8)
        let session = try tui("--theme \(theme) examples/hello.py", width: 200)
        try frame(session, "the theme error naming the file and the key", width: 200) { rows in
            self.status(rows).contains("using the default theme") && self.status(rows).contains(theme)
                && self.status(rows).contains("roles.stdrr")
        }
        try session.press("q")
    }

    func testAFilteredRunListsTheAllowedAndTheBlockedRequest() throws {
        let servers = try LocalServers()
        defer { servers.stop() }
        let hosts = servers.hostFlags(["allowed.test", "blocked.test"]).joined(separator: " ")
        let session = try tui("examples/fetch.py --net filtered --log-network --allow '^allowed\\.test$' --stdin \(servers.httpPort) \(hosts)")
        try session.press("r")
        try frame(session, "exit 0") { self.status($0).contains("run #1: exit 0") }
        try frame(session, "both requests in the Network pane with their answers") { rows in
            rows.contains { $0.contains("ALLOW") && $0.contains("allowed.test") } && rows.contains { $0.contains("BLOCK") && $0.contains("blocked.test") }
                && rows.contains { $0.contains("allowed.test:\(servers.httpPort)/ -> 200") }
                && rows.contains { $0.contains("blocked.test:\(servers.httpPort)/ -> 403 Forbidden") }
        }
        try session.press("q")
    }

    func testTheBlockRowOfARealRunNamesTheDenyRuleThatShadowsTheAllowRule() throws {
        let servers = try LocalServers()
        defer { servers.stop() }
        let hosts = servers.hostFlags(["allowed.test", "blocked.test"]).joined(separator: " ")
        let session = try tui("examples/fetch.py --net filtered --log-network --stdin \(servers.httpPort) \(hosts)", width: 160)
        for command in ["deny ^allow", "allow ^allowed", "test-host allowed.test"] { try type(command, into: session) }
        try frame(session, ":test-host's verdict", width: 160) {
            self.status($0).contains("allowed.test: BLOCK — deny rule 1 (^allow) matched")
        }
        try session.press("r")
        try frame(session, "the BLOCK rows naming what decided them", width: 160) { rows in
            self.status(rows).contains("run #1: exit 0")
                && rows.contains { $0.contains("BLOCK") && $0.contains("allowed.test") && $0.contains("deny 1 ^allow") }
                && rows.contains { $0.contains("BLOCK") && $0.contains("blocked.test") && $0.contains("not-allowlisted") }
        }
        try session.press("q")
    }

    func testClickFocusesWheelScrollsAndMReleasesTheMouse() throws {
        // xterm's terminfo: ncurses then asks for SGR mouse reports, which tmux passes on as typed.
        // tmux types a report key by key; on a loaded machine the gap after its ESC can pass
        // the 25 ms Esc delay, so the test gives escape sequences the time a slow link would.
        let session = try tui("-e 'for i in range(200): print(i)'", term: "xterm-256color", escDelay: 1000)
        try Poll.until("mouse on by default, SGR reports", look: { try session.paneFormat("#{mouse_any_flag}#{mouse_sgr_flag}") }, holds: { $0 == "11" })
        try session.press("r")
        let screen = try frame(session, "exit 0") { self.status($0).contains("run #1: exit 0") }
        let networkTop = try XCTUnwrap(screen.firstIndex { $0.contains("3 Network") })
        // A report typed through tmux is now and then lost on a loaded machine (not yet
        // explained), so each gesture is repeated until the screen shows its effect; a
        // second click or wheel step changes nothing the test looks at.
        try Poll.until("the Network pane focused", look: { () -> [String] in
            let rows = try session.screen()
            if !(rows.count > networkTop && rows[networkTop].hasPrefix("┏━ 3 Network")) { try session.mouse(button: 0, x: 10, y: networkTop + 2) }
            return rows
        }, holds: { $0.count > networkTop && $0[networkTop].hasPrefix("┏━ 3 Network") && $0.contains { $0.contains("follow:on") } })
        try Poll.until("the wheel to scroll the Output pane back", look: { () -> [String] in
            let rows = try session.screen()
            if !rows.contains(where: { $0.contains("follow:off") }) { try session.mouse(button: 64, x: 60, y: 5) }
            return rows
        }, holds: { $0.contains { $0.contains("follow:off") } })
        try session.press("m")
        try Poll.until("mouse released, in the status line and the terminal",
                       look: { (try session.screen(), try session.paneFormat("#{mouse_any_flag}")) },
                       holds: { rows, flag in rows.contains { $0.contains("mouse released") } && flag == "0" })
        try session.press("m")
        try Poll.until("mouse captured again, in the status line and the terminal",
                       look: { (try session.screen(), try session.paneFormat("#{mouse_any_flag}")) },
                       holds: { rows, flag in rows.contains { $0.contains("mouse captured") } && flag == "1" })
        try session.press("q")
    }

    func testTSwitchesTheThemeLive() throws {
        let session = try tui("examples/hello.py", term: "xterm-256color")
        let before = try session.screen(styled: true)
        try session.press("t")
        let screen = try frame(session, "a theme switch") { self.status($0).contains("theme: ") }
        let name = try XCTUnwrap(status(screen).components(separatedBy: "theme: ").last?.trimmingCharacters(in: .whitespaces))
        XCTAssertNotEqual(name, "default")
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(BuiltProduct.repositoryRoot)/themes/\(name).json"), name)
        try session.waitFor("the screen redrawn in the new colours", styled: true) { $0 != before }
        try session.press("q")
    }

    func testEEditsInlineCodeInTheEditorAndRRunsTheEdit() throws {
        // A non-interactive "editor": sed changes the scratch file the TUI hands it.
        let session = try tui("-e 'print(6 * 7)'", editor: "sed -i s/6/7/")
        try session.press("1", "e")
        try frame(session, "the edited code") { $0.contains { $0.contains("print(7 * 7)") } }
        try session.press("r")
        try frame(session, "exit 0 and the edit's output") { self.status($0).contains("run #1: exit 0") && $0.contains { $0.contains("49") } }
        try session.press("q")
    }

    func testERunsARealViInTheForegroundAndTheScreenComesBack() throws {
        let session = try tui("-e 'print(6 * 7)'", editor: "vi")
        try session.press("1", "e")
        // vi owns the terminal: it shows the scratch file, not the debugger's frame.
        try session.waitFor("vi showing the code") { rows in
            rows.first?.hasPrefix("print(6 * 7)") == true && !rows.contains { $0.contains("1 Code") }
        }
        try session.type(":s/6/7/")
        try session.press("Enter")
        try session.type(":wq")
        try session.press("Enter")
        try frame(session, "the whole frame again with the edited code") { $0.contains { $0.contains("print(7 * 7)") } }
        try session.press("r")
        try frame(session, "exit 0 and the edit's output") { self.status($0).contains("run #1: exit 0") && $0.contains { $0.contains("49") } }
        try session.press("q")
    }

    func testTheCopiedCommandRunByTheCLIGivesTheSameStdoutAndExitCode() throws {
        let code = "import sys; print(sys.stdin.read().upper()); sys.exit(3)"
        let session = try tui("-e '\(code)'")
        for command in ["stdin it is me", "set memory 64m", "set timeout 8000"] { try type(command, into: session) }
        try session.press("r")
        try frame(session, "the TUI's run: exit 3 and the upper-cased stdin") { rows in
            self.status(rows).contains("run #1: exit 3") && rows.contains { $0.contains("IT IS ME") }
        }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-copy-\(UUID().uuidString).sh").path
        defer { try? FileManager.default.removeItem(atPath: script) }
        try type("copy cli \(script)", into: session)
        try frame(session, "the copy written") { self.status($0).contains("copied the run as cli to \(script)") }
        try session.press("q")

        let line = try String(contentsOfFile: script, encoding: .utf8)
        XCTAssertTrue(line.hasPrefix("isol8 run -e "), line)
        let cli = try Spawn.run(["/bin/sh", "-c", "PATH=\(BuiltProduct.folder.path):$PATH; . \(script)"], capture: true)
        XCTAssertEqual(cli.status, 3, line)
        XCTAssertEqual(cli.output, "IT IS ME\n", line)
    }

    func testCopyWithoutAPathReachesTheClipboardThroughOSC52() throws {
        let session = try tui("-e 'print(42)'")
        try Spawn.run(["tmux", "-S", session.socketPath, "set", "-g", "set-clipboard", "on"])
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-osc52-\(UUID().uuidString).sh").path
        defer { try? FileManager.default.removeItem(atPath: script) }
        for command in ["set memory 64m", "copy cli \(script)", "copy cli"] { try type(command, into: session) }
        try frame(session, "the copy in the clipboard") { self.status($0).contains("copied the run as cli to the clipboard") }
        let buffer = try Spawn.run(["tmux", "-S", session.socketPath, "show-buffer"], capture: true)
        XCTAssertEqual(buffer.status, 0)
        XCTAssertEqual(buffer.output, "isol8 run -e 'print(42)' --memory 64m")
        XCTAssertEqual(try String(contentsOfFile: script, encoding: .utf8), buffer.output + "\n")
        try session.press("q")
    }

    func testFilesSetupWorkdirAndAddHostAreKnobsOfARealRun() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-e2e-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "from the files knob".write(to: directory.appendingPathComponent("sub/data.txt"), atomically: true, encoding: .utf8)
        let code = "import os; print(os.getcwd()); print(open(\"data.txt\").read()); print(open(\"/sandbox/ready\").read().strip()); "
            + "print([l.split()[1] for l in open(\"/etc/hosts\") if \"db.test\" in l])"
        let session = try tui("-e '\(code)'")
        // --add-host needs a network: Docker writes no /etc/hosts for a container without one.
        for command in ["set files \(directory.path)", "set workdir sub", "set setup echo set-up > /sandbox/ready",
                        "set net filtered", "set add-host db.test:10.1.2.3"] { try type(command, into: session) }
        try session.press("r")
        try frame(session, "the run seeing the files, the workdir, the setup's file and the host entry") { rows in
            self.status(rows).contains("run #1: exit 0") && rows.contains { $0.contains("/sandbox/sub") }
                && rows.contains { $0.contains("from the files knob") } && rows.contains { $0.contains("set-up") }
                && rows.contains { $0.contains("['db.test']") }
        }
        try session.press("q")
    }

    func testWithoutATerminalItPointsToIsol8Run() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["examples/hello.py"]
        process.currentDirectoryURL = URL(fileURLWithPath: BuiltProduct.repositoryRoot)
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
