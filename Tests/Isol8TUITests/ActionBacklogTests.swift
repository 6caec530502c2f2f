import Isol8Core
import XCTest
@testable import Isol8TUI

/// The flood is applied in slices between frames, in order, and always makes progress.
final class ActionBacklogTests: XCTestCase {
    private func events(_ range: Range<Int>) -> [StreamEvent] { range.map { StreamEvent(.stdout, "\($0)\n") } }

    /// What `apply` handed over, flattened: stream event data, or the status message.
    private func applied(_ backlog: inout ActionBacklog, steps: Int) -> [String] {
        var out: [String] = []
        var taken = 0
        backlog.apply(until: { taken >= steps }) { action in
            taken += 1
            switch action {
            case .runEvents(_, let events): out += events.map(\.data)
            case .effectFailed(let message): out.append(message)
            default: XCTFail("unexpected \(action)")
            }
            return true
        }
        return out
    }

    func testAStreamBatchIsSplitIntoStepsAndOrderIsKeptAcrossSlices() {
        var backlog = ActionBacklog()
        backlog.append(contentsOf: [.runEvents(id: 1, events(0..<100)), .effectFailed("after the flood")])
        let first = applied(&backlog, steps: 2)
        XCTAssertEqual(first.count, 2 * ActionBacklog.eventsPerStep, "two steps, then the clock said stop")
        XCTAssertFalse(backlog.isEmpty)
        backlog.append(contentsOf: [.effectFailed("queued later")])
        let rest = applied(&backlog, steps: .max)
        XCTAssertEqual(first + rest, events(0..<100).map(\.data) + ["after the flood", "queued later"])
        XCTAssertTrue(backlog.isEmpty)
    }

    func testEachSliceMakesProgressEvenWhenTheTimeIsAlreadyUp() {
        var backlog = ActionBacklog()
        backlog.append(contentsOf: [.effectFailed("a"), .effectFailed("b")])
        XCTAssertEqual(applied(&backlog, steps: 0), ["a"])
        XCTAssertEqual(applied(&backlog, steps: 0), ["b"])
        XCTAssertTrue(backlog.isEmpty)
    }

    func testQuittingStopsTheSlice() {
        var backlog = ActionBacklog()
        backlog.append(contentsOf: [.effectFailed("quit here"), .effectFailed("never applied")])
        var seen = 0
        backlog.apply(until: { false }) { _ in
            seen += 1
            return false
        }
        XCTAssertEqual(seen, 1)
        XCTAssertFalse(backlog.isEmpty)
    }
}
