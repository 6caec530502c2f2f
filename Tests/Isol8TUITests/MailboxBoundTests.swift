import Isol8Core
import XCTest
@testable import Isol8TUI

/// Output waiting for the screen is bounded: the oldest text beyond the limit is skipped and
/// said so, while exits, errors and network events are kept in order.
final class MailboxBoundTests: XCTestCase {
    private func chunk(_ byte: Character, _ count: Int) -> StreamEvent { StreamEvent(.stdout, String(repeating: byte, count: count)) }

    func testTheOldestOutputBeyondTheLimitIsSkippedAndCounted() {
        let mailbox = Mailbox(outputLimit: 100)
        mailbox.send(.runEvents(id: 1, [chunk("a", 60), StreamEvent(.network, "{}")]))
        mailbox.send(.runFinished(id: 0, .streamed))
        mailbox.send(.runEvents(id: 1, [chunk("b", 60)]))
        mailbox.send(.runEvents(id: 1, [chunk("c", 30), StreamEvent(.exit, "0")]))
        let drained = mailbox.drain()
        guard drained.count == 4,
              case .runOutputSkipped(1, 60) = drained[0],
              case .runEvents(1, let first) = drained[1],
              case .runFinished(0, _) = drained[2],
              case .runEvents(1, let last) = drained[3] else {
            return XCTFail("\(drained)")
        }
        XCTAssertEqual(first.map(\.type), [.network], "the network event stays")
        XCTAssertEqual(last.map(\.data), [String(repeating: "b", count: 60), String(repeating: "c", count: 30), "0"])
        XCTAssertEqual(mailbox.waiting, .nothing)
    }

    func testUnderTheLimitNothingIsSkipped() {
        let mailbox = Mailbox(outputLimit: 100)
        mailbox.send(.runEvents(id: 1, [chunk("a", 50)]))
        mailbox.send(.runEvents(id: 1, [chunk("b", 50)]))
        XCTAssertEqual(mailbox.drain().count, 1)
        // The count starts again after a drain.
        mailbox.send(.runEvents(id: 1, [chunk("c", 90)]))
        XCTAssertEqual(mailbox.drain().count, 1)
    }

    func testTheSkipIsShownInTheOutputPane() {
        var state = Fixture.state()
        let spec = startedSpec(state.press("r"))
        state.send(.runOutputSkipped(id: spec?.id ?? 0, bytes: 3 << 20))
        let texts = (0..<state.output.buffer.count).map { state.output.buffer[$0].text }
        XCTAssertTrue(texts.contains("[isol8-tui] 3.0 MiB of output skipped: it came faster than the screen could show it"), "\(texts)")
    }
}
