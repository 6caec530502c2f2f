import Foundation
import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// The loop against an in-memory terminal: input folds into few frames, results arriving
/// through the mailbox are applied, and quitting ends the loop.
final class AppLoopTests: XCTestCase {
    final class FakeDevice: TerminalDevice {
        var size: Size
        var pending: [DeviceEvent]
        private(set) var frames: [Canvas] = []
        private(set) var mouseCalls: [Bool] = []
        /// Run one per wait once the scripted events are used up (e.g. send a result, then quit).
        var idleSteps: [(FakeDevice) -> Void] = []
        /// Runs after each frame, with the frames so far.
        var afterDraw: ([Canvas]) -> Void = { _ in }

        init(size: Size, events: [DeviceEvent]) {
            self.size = size
            pending = events
        }

        func draw(_ canvas: Canvas, cursor: (x: Int, y: Int)?) {
            frames.append(canvas)
            afterDraw(frames)
        }

        func nextEvent(timeoutMs: Int) -> DeviceEvent? {
            if pending.isEmpty, timeoutMs > 0, !idleSteps.isEmpty {
                idleSteps.removeFirst()(self)
            }
            guard !pending.isEmpty else {
                if timeoutMs > 0 { usleep(useconds_t(min(timeoutMs, 20)) * 1_000) }
                return nil
            }
            return pending.removeFirst()
        }

        func wake() {}
        func suspend() {}
        func resume() {}
        func setMouse(_ enabled: Bool) { mouseCalls.append(enabled) }
        func invalidate() {}
    }

    private func makeLoop(_ device: FakeDevice, state: AppState) -> (AppLoop, Mailbox) {
        let mailbox = Mailbox()
        let runner = EffectRunner(mailbox: mailbox, themes: ThemeCatalog(directories: []), capability: .ansi16, host: device,
                                  target: state.targets.current)
        return (AppLoop(state: state, device: device, runner: runner, mailbox: mailbox), mailbox)
    }

    private func key(_ spec: String) -> DeviceEvent { .input(.key(try! KeyEvent(spec: spec))) }

    func testAFloodOfKeysIsFoldedIntoFewFrames() {
        var flags = RunFlags()
        flags.eval = (0..<500).map { "print(\($0))" }.joined(separator: "\n")
        let events = [key("1")] + Array(repeating: key("j"), count: 5_000) + [key("q")]
        let device = FakeDevice(size: Size(width: 80, height: 24), events: events)
        let (loop, _) = makeLoop(device, state: Fixture.state(flags: flags))
        loop.run()
        XCTAssertEqual(loop.state.focus.pane, .code)
        XCTAssertGreaterThan(loop.state.code.view.firstLine, 400, "every j was applied")
        XCTAssertLessThanOrEqual(device.frames.count, 12, "5 000 keys must not mean 5 000 frames")
    }

    func testEachKeyIsDrawnInThePassThatReadIt() {
        let device = FakeDevice(size: Size(width: 80, height: 24), events: [])
        let keys = ["1", "j", "j", "k", "j"]
        // One key a pass, each arriving right after the previous frame: well inside a frame interval.
        device.idleSteps = (keys + ["q"]).map { spec in { device in device.pending = [self.key(spec)] } }
        var flags = RunFlags()
        flags.eval = (0..<100).map { "print(\($0))" }.joined(separator: "\n")
        let (loop, _) = makeLoop(device, state: Fixture.state(flags: flags))
        loop.run()
        // Results (the target's probe) may add frames of their own; keys may not share one.
        XCTAssertGreaterThanOrEqual(device.frames.count, 1 + keys.count, "the first frame, then one for each key")
        XCTAssertEqual(loop.state.code.view.firstLine, 2)
    }

    func testARunsEndIsDrawnInThePassThatAppliedIt() {
        var state = Fixture.state()
        state.press("r")  // the run exists before the loop starts; its effect is not performed
        let device = FakeDevice(size: Size(width: 80, height: 24), events: [])
        let (loop, mailbox) = makeLoop(device, state: state)
        // A second q answers the quit dialog of a loop that missed the end, so it fails, not hangs.
        device.idleSteps = ["w", "q", "q"].map { spec in { device in device.pending = [self.key(spec)] } }
        // The end arrives right after the second frame, well inside a frame interval, and no
        // later wait lasts one: only a frame drawn at once can show it.
        device.afterDraw = { frames in
            guard frames.count == 2 else { return }
            mailbox.send(.runEvents(id: 1, [StreamEvent(.stdout, "done\n"), StreamEvent(.exit, "0")]))
            mailbox.send(.runFinished(id: 1, .streamed))
        }
        loop.run()
        XCTAssertNil(loop.state.run)
        XCTAssertTrue(device.frames.contains { $0.rows.joined().contains("run #1: exit 0") },
                      device.frames.last?.rows.joined(separator: "\n") ?? "no frame")
    }

    func testMailboxResultsReachTheStateAndTheScreen() {
        let device = FakeDevice(size: Size(width: 80, height: 24), events: [key("m")])
        let (loop, mailbox) = makeLoop(device, state: Fixture.state())
        device.idleSteps = [
            { _ in mailbox.send(.effectFailed("sent through the mailbox")) },
            { device in device.pending = [self.key("q")] },
        ]
        loop.run()
        XCTAssertEqual(device.mouseCalls, [false], "the m key reached the terminal as an effect")
        XCTAssertEqual(loop.state.status.message, "sent through the mailbox")
        XCTAssertTrue(device.frames.last!.rows.joined().contains("sent through the mailbox"), "and drawn")
    }

    func testResizeEventsReachTheLayout() {
        let device = FakeDevice(size: Size(width: 120, height: 40), events: [.resize(Size(width: 70, height: 20)), key("q")])
        let (loop, _) = makeLoop(device, state: Fixture.state(Size(width: 120, height: 40)))
        loop.run()
        XCTAssertEqual(loop.state.size, Size(width: 70, height: 20))
    }

    func testMailboxBatchesStreamEventsAndWakesOnce() {
        let wakes = Counter()
        let mailbox = Mailbox { wakes.increment() }
        for i in 0..<1_000 { mailbox.send(.runEvents(id: 1, [StreamEvent(.stdout, "\(i)\n")])) }
        mailbox.send(.debugLines(["a"]))
        mailbox.send(.debugLines(["b"]))
        let actions = mailbox.drain()
        XCTAssertEqual(actions.count, 2)
        guard case .runEvents(_, let events) = actions[0], case .debugLines(let lines) = actions[1] else {
            return XCTFail("\(actions)")
        }
        XCTAssertEqual(events.count, 1_000)
        XCTAssertEqual(events.last?.data, "999\n")
        XCTAssertEqual(lines, ["a", "b"])
        XCTAssertEqual(wakes.value, 1)
        XCTAssertTrue(mailbox.drain().isEmpty)
    }

    func testLinesWaitForTheFrameButARunsEndWakesTheLoopAtOnce() {
        let wakes = Counter()
        let mailbox = Mailbox { wakes.increment() }
        XCTAssertEqual(mailbox.waiting, .nothing)
        mailbox.send(.runEvents(id: 1, [StreamEvent(.stdout, "a\n")]))
        mailbox.send(.debugLines(["engine line"]))
        mailbox.send(.runEvents(id: 1, [StreamEvent(.stdout, "b\n")]))
        XCTAssertEqual(wakes.value, 1, "only the first line into an empty mailbox wakes the loop")
        XCTAssertEqual(mailbox.waiting, .linesOnly)
        mailbox.send(.runFinished(id: 1, .streamed))
        XCTAssertEqual(wakes.value, 2, "a run's end wakes the loop although lines already wait")
        XCTAssertEqual(mailbox.waiting, .urgent)
        XCTAssertEqual(mailbox.drain().count, 4)
        XCTAssertEqual(mailbox.waiting, .nothing, "draining forgets what was urgent")
        mailbox.send(.runEvents(id: 2, [StreamEvent(.stdout, "c\n")]))
        XCTAssertEqual(mailbox.waiting, .linesOnly)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
