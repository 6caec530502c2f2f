import Foundation
import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// `ISOL8_TUI_TRACE`: the loop writes the run boundaries and, for each key, when it was read
/// and when the frame after it reached the terminal — what `scripts/bench` measures with.
final class LoopTraceTests: XCTestCase {
    private var path = ""

    override func setUp() {
        super.setUp()
        path = NSTemporaryDirectory() + "loop-trace-\(UUID().uuidString).trace"
        addTeardownBlock { [path] in try? FileManager.default.removeItem(atPath: path) }
    }

    func testARunAndItsKeysLeaveTraceLines() throws {
        var state = Fixture.state()
        state.press("r")  // the run exists before the loop starts; its effect is not performed
        let keys = ["2", "w", "w"].map { DeviceEvent.input(.key(try! KeyEvent(spec: $0))) }
        let device = AppLoopTests.FakeDevice(size: Size(width: 80, height: 24), events: keys)
        let mailbox = Mailbox()
        let runner = EffectRunner(mailbox: mailbox, themes: ThemeCatalog(directories: []), capability: .ansi16, host: device,
                                  target: state.targets.current)
        let trace = try XCTUnwrap(LoopTrace(environment: [LoopTrace.variable: path]))
        device.idleSteps = [
            { _ in
                mailbox.send(.runEvents(id: 1, [StreamEvent(.stdout, "done\n"), StreamEvent(.exit, "0")]))
                mailbox.send(.runFinished(id: 1, .streamed))
            },
            { device in device.pending = [.input(.key(.char("q")))] },
        ]
        let before = LoopTrace.now()
        AppLoop(state: state, device: device, runner: runner, mailbox: mailbox, trace: trace).run()

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ") }
        XCTAssertEqual(lines.map { String($0[0]) }, ["run-started", "key", "key", "key", "run-finished", "run-drawn"])
        XCTAssertEqual(lines.first?.last, "1")
        XCTAssertEqual(lines[4].last, "1")
        XCTAssertEqual(lines[5].last, "1")
        let finished = Double(lines[4][1])!
        XCTAssertLessThanOrEqual(finished, Double(lines[5][1])!, "the end is drawn after the run finished")
        for key in lines where key[0] == "key" {
            let (read, flushed) = (Double(key[1])!, Double(key[2])!)
            XCTAssertGreaterThanOrEqual(read, before, "on the clock LoopTrace.now() reads")
            XCTAssertLessThanOrEqual(read, flushed, "read before its frame was flushed")
            XCTAssertLessThanOrEqual(flushed, finished)
        }
    }

    func testNoVariableNoTrace() {
        XCTAssertNil(LoopTrace(environment: [:]))
        XCTAssertNil(LoopTrace(environment: [LoopTrace.variable: ""]))
    }
}
