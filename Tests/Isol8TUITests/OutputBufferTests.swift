import TerminalKit
import Isol8Core
import XCTest
@testable import Isol8TUI

final class OutputBufferTests: XCTestCase {
    func testLineCapDropsTheOldestAndCountsThem() {
        var buffer = OutputBuffer(maxLines: 3, maxBytes: 1_000)
        buffer.append("1\n2\n3\n4\n5\n", kind: .stdout)
        XCTAssertEqual(buffer.map(\.text), ["3", "4", "5"])
        XCTAssertEqual(buffer.droppedLines, 2)
        buffer.append("6\n", kind: .stderr)
        XCTAssertEqual(buffer.map(\.text), ["4", "5", "6"])
        XCTAssertEqual(buffer.last?.kind, .stderr)
    }

    func testByteCapDropsTheOldest() {
        var buffer = OutputBuffer(maxLines: 100, maxBytes: 10, maxLineBytes: 10)
        buffer.append("aaaa\nbbbb\ncccc\n", kind: .stdout)
        XCTAssertEqual(buffer.map(\.text), ["bbbb", "cccc"])
        XCTAssertEqual(buffer.byteCount, 8)
    }

    func testALineWithoutNewlineIsSplitAtTheLineCap() {
        var buffer = OutputBuffer(maxLines: 100, maxBytes: 100, maxLineBytes: 4)
        buffer.append("abcdefghij", kind: .stdout)
        buffer.append("kl", kind: .stdout)
        XCTAssertEqual(buffer.map(\.text), ["abcd", "efgh", "ijkl"])
        buffer.append("é€😀", kind: .stdout)
        XCTAssertTrue(buffer.allSatisfy { $0.text.utf8.count <= 4 }, "split on character boundaries within the cap")
        XCTAssertEqual(buffer.map(\.text).joined(), "abcdefghijklé€😀")
    }

    func testEachStreamContinuesItsOwnOpenLine() {
        var buffer = OutputBuffer()
        buffer.append("hello", kind: .stdout)
        buffer.append("warning\n", kind: .stderr)
        buffer.append(" world\nnext\n", kind: .stdout)
        XCTAssertEqual(buffer.map(\.text), ["hello world", "warning", "next"])
        XCTAssertEqual(buffer.map(\.kind), [.stdout, .stderr, .stdout])
    }

    func testClearForgetsEverything() {
        var buffer = OutputBuffer(maxLines: 1)
        buffer.append("a\nb\nc", kind: .stdout)
        buffer.clear()
        XCTAssertTrue(buffer.isEmpty)
        XCTAssertEqual(buffer.droppedLines, 0)
        buffer.append("d", kind: .stdout)
        XCTAssertEqual(buffer.map(\.text), ["d"])
    }

    func testMillionLineFloodKeepsTheTailAndTheScreenShowsIt() {
        var state = Fixture.state(Size(width: 80, height: 24))
        state.output = LogState(buffer: OutputBuffer(maxLines: 10_000, maxBytes: 1 << 20))
        state.press("r")
        var chunk = ""
        for i in 0..<1_000_000 {
            chunk += "line \(i)\n"
            if i % 10_000 == 9_999 {
                state.send(.runEvents(id: 1, [StreamEvent(.stdout, chunk)]))
                chunk = ""
            }
        }
        XCTAssertEqual(state.output.buffer.count, 10_000)
        XCTAssertEqual(state.output.buffer.droppedLines, 990_000)
        let screen = state.screen
        XCTAssertTrue(screen.contains { $0.contains("line 999999") }, "following shows the newest line")
        state.focus.focus(.output)
        state.press("g")
        XCTAssertTrue(state.screen.contains { $0.contains("990000 older lines dropped") }, "the drop is marked at the top")
    }

    func testAStreamedRunIsTruncatedOnlyWhenThePaneDroppedSomeOfItsOutput() {
        var state = Fixture.state()
        state.output = LogState(buffer: OutputBuffer(maxLines: 3, maxBytes: 1 << 20))
        state.press("r")
        state.send(.runEvents(id: 1, [StreamEvent(.stdout, "a\nb\n"), StreamEvent(.exit, "0")]), .runFinished(id: 1, .streamed))
        XCTAssertEqual(state.history.runs[0].result?.truncated, false)
        state.press("r")
        state.send(.runEvents(id: 2, [StreamEvent(.stdout, "a\nb\nc\nd\n"), StreamEvent(.exit, "0")]), .runFinished(id: 2, .streamed))
        XCTAssertEqual(state.history.runs[1].result?.truncated, true)
        XCTAssertTrue(state.screen.contains { $0.contains("exit 0") && $0.contains("truncated") })
    }
}
