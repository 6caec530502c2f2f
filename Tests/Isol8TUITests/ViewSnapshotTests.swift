import Foundation
import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// Whole screens as text at 80×24, 120×40 and 60×16, for every side pane in the empty,
/// running, finished and error states, compared with golden files in Snapshots/ (record them
/// with UPDATE_SNAPSHOTS=1). Colour is checked where it carries meaning.
final class ViewSnapshotTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 16)]
    static let containerID = String(repeating: "3f2a9c1d", count: 8)

    override func setUp() {
        super.setUp()
        // The history shows wall-clock times; pin the zone so the goldens hold anywhere.
        setenv("TZ", "UTC", 1)
        NSTimeZone.resetSystemTimeZone()
    }

    // MARK: - States

    static func empty(_ size: Size) -> AppState {
        Fixture.state(size)
    }

    static func running(_ size: Size) -> AppState {
        var state = Fixture.state(size)
        state.command("set debug on")
        state.command("set memory 64m")
        state.command("set net filtered")
        state.status = StatusState()
        state.press("r")
        state.send(.debugLines(["[DEBUG] [Run] Engine options: mode=ephemeral, network=filtered",
                                "[DEBUG] [Pool] Container \(containerID) created for image: isol8:python"]),
                   .runContainer(id: 1, containerId: containerID))
        state.send(.runEvents(id: 1, [
            StreamEvent(.stdout, "installing requests\n", phase: .setup),
            StreamEvent(.stdout, "hello from the isol8 sandbox\n"),
            StreamEvent(.stderr, "this line goes to stderr\n"),
            StreamEvent(.network, #"{"timestamp":"2024-05-01T10:00:01.000Z","method":"GET","host":"pypi.org","path":"/simple/requests/","action":"ALLOW","durationMs":84}"#),
            StreamEvent(.network, #"{"timestamp":"2024-05-01T10:00:02.000Z","method":"CONNECT","host":"evil.example","path":null,"action":"BLOCK","durationMs":0}"#),
        ]))
        state.send(.containerInspected(snapshot))
        state.advance(2.5)
        return state
    }

    static func finished(_ size: Size) -> AppState {
        var state = running(size)
        state.send(.runEvents(id: 1, [StreamEvent(.stdout, "python 3.11.2 on x86_64\n"), StreamEvent(.exit, "0")]))
        state.send(.runFinished(id: 1, .streamed))
        return state
    }

    static func failed(_ size: Size) -> AppState {
        var state = Fixture.state(size)
        state.press("r")
        state.send(.containerInspectFailed(id: "x", message: "ignored"))
        state.advance(0.3)
        state.send(.runFailed(id: 1, message: "Image isol8:python not found — run `isol8 setup` to build the isol8 images."))
        return state
    }

    static let snapshot = ContainerSnapshot(
        id: containerID, name: "festive_turing", image: "isol8:python", state: "running", running: true,
        startedAt: Fixture.start.addingTimeInterval(-40),
        limits: ContainerLimits(memoryBytes: 64 << 20, nanoCpus: 1_000_000_000, pidsLimit: 64, readonlyRootfs: true,
                                networkMode: "bridge", tmpfs: ["/sandbox": "rw,exec,size=512m", "/tmp": "rw,noexec,size=256m"],
                                shmBytes: 16 << 20),
        usage: ContainerUsage(memoryBytes: 12 << 20, memoryLimitBytes: 64 << 20, cpuPercent: 3.5, pids: 3),
        processes: ContainerProcessTable(titles: ["PID", "USER", "CMD"],
                                         rows: [["1", "root", "sleep infinity"], ["42", "sandbox", "python3 /sandbox/main.py\u{1B}[2J"]]),
        sandboxListing: "total 8\n-rw-r--r-- 1 sandbox sandbox 120 May  1 10:00 main.py\n")

    // MARK: - Goldens

    func testEveryPaneInEveryStateAtEverySize() throws {
        let states: [(String, (Size) -> AppState)] = [
            ("empty", Self.empty), ("running", Self.running), ("finished", Self.finished), ("error", Self.failed),
        ]
        for size in Self.sizes {
            for (name, make) in states {
                for pane in PaneID.side {
                    var state = make(size)
                    state.focus.focus(pane)
                    try assertSnapshot(state, named: "\(name)-\(size.width)x\(size.height)-\(pane.rawValue)")
                }
            }
        }
    }

    func testOverlaysAndZoom() throws {
        var state = Self.finished(Size(width: 80, height: 24))
        state.press("?")
        try assertSnapshot(state, named: "help-80x24")
        state.press("esc", "2", "enter")
        try assertSnapshot(state, named: "zoomed-output-80x24")
        state.press("esc", ":")
        state.type("set memory lots")
        try assertSnapshot(state, named: "prompt-refused-80x24")
    }

    func testTooSmallTerminalsShowANoticeAndNeverCrash() {
        for size in [Size(width: 59, height: 16), Size(width: 60, height: 15), Size(width: 40, height: 12),
                     Size(width: 1, height: 1), Size(width: 0, height: 0)] {
            var state = Self.running(size)
            state.press("?")
            let text = state.screen.joined(separator: "\n")
            if size.width >= 20 {
                XCTAssertTrue(text.contains("terminal too small"), "\(size)")
            }
            XCTAssertEqual(state.screen.count, size.height)
        }
        XCTAssertFalse(Self.empty(Size(width: 60, height: 16)).screen.joined().contains("too small"))
    }

    // MARK: - Meaningful colour

    func testStderrAndSetupLinesHaveTheirOwnStyles() {
        let state = Self.running(Size(width: 120, height: 40))
        let frame = AppView.render(state)
        XCTAssertEqual(style(of: "this line goes to stderr", in: frame), state.theme[.stderr])
        XCTAssertEqual(style(of: "hello from the isol8 sandbox", in: frame), state.theme[.stdout])
        XCTAssertEqual(style(of: "installing requests", in: frame), state.theme[.setup])
        XCTAssertNotEqual(state.theme[.stderr], state.theme[.stdout])
    }

    func testBlockedRequestsStandOut() {
        var state = Self.running(Size(width: 120, height: 40))
        state.focus.focus(.network)
        let frame = AppView.render(state)
        XCTAssertEqual(style(of: "evil.example", in: frame), state.theme[.block])
        XCTAssertEqual(style(of: "BLOCK", in: frame), state.theme[.block])
        XCTAssertEqual(style(of: "pypi.org", in: frame), state.theme[.allow])
    }

    func testChangedKnobsAndResultsAreColoured() {
        var state = Self.finished(Size(width: 120, height: 40))
        state.focus.focus(.config)
        let frame = AppView.render(state)
        XCTAssertEqual(style(of: "memoryLimit", in: frame), state.theme[.changed])
        XCTAssertEqual(style(of: "timeoutMs", in: frame), state.theme[.text])
        XCTAssertEqual(style(of: "exit 0", in: frame), state.theme[.statusOK])

        var oom = Self.running(Size(width: 80, height: 24))
        oom.send(.runEvents(id: 1, [StreamEvent(.error, "--- OUT OF MEMORY ---"), StreamEvent(.exit, "137")]),
                 .runFinished(id: 1, .streamed))
        let oomFrame = AppView.render(oom)
        XCTAssertEqual(style(of: "exit 137", in: oomFrame), oom.theme[.statusError])
        XCTAssertEqual(style(of: "OOM", in: oomFrame), oom.theme[.statusError])
    }

    func testContainerPaneComparesRequestedAndAppliedLimits() {
        var state = Self.running(Size(width: 120, height: 40))
        state.press("4", "enter")
        let text = state.screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("  memory    64m           64.0 MiB"))
        XCTAssertTrue(text.contains("  read-only true          true"))
        XCTAssertTrue(text.contains("mem 12.0 MiB / 64.0 MiB · cpu 3.5% · pids 3"))
        XCTAssertTrue(text.contains("python3 /sandbox/main.py␛[2J"), "process names are sanitised")
        XCTAssertTrue(text.contains("main.py"))
        XCTAssertTrue(text.contains("up 42s"))
    }

    // MARK: - Helpers

    /// The style of the first cell of `text` on screen.
    private func style(of text: String, in frame: Frame, file: StaticString = #filePath, line: UInt = #line) -> Style? {
        for y in 0..<frame.canvas.height {
            let row = frame.canvas.row(y)
            guard let range = row.range(of: text) else { continue }
            let column = DisplayWidth.of(row[row.startIndex..<range.lowerBound])
            return frame.canvas[column, y].style
        }
        XCTFail("\"\(text)\" is not on screen", file: file, line: line)
        return nil
    }

    private func assertSnapshot(_ state: AppState, named name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = state.screen.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("missing snapshot \(name); record with UPDATE_SNAPSHOTS=1", file: file, line: line)
        }
        XCTAssertEqual(text, expected, "snapshot \(name) differs", file: file, line: line)
    }
}
