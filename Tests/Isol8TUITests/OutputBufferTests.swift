import TerminalKit
import Isol8Core
import XCTest
import Isol8TestSupport
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

    func testAFloodGivesBackThePagesOfDroppedLines() {
        var buffer = OutputBuffer(maxLines: 1_000_000, maxBytes: 1 << 20)
        let chunk = (0..<1_000).map { "line \($0) of a flood that the output pane must survive\n" }.joined()
        for _ in 0..<200 { buffer.append(chunk, kind: .stdout) }
        XCTAssertLessThanOrEqual(buffer.byteCount, 1 << 20)
        XCTAssertLessThanOrEqual(buffer.pageCount, (1 << 20) / OutputBuffer.pageBytes + 2,
                                 "pages whose lines were all dropped are freed")
        XCTAssertEqual(buffer.last?.text, "line 999 of a flood that the output pane must survive")
    }

    func testAnOpenLineDroppedByTheByteCapIsNotContinued() {
        var buffer = OutputBuffer(maxLines: 100, maxBytes: 6, maxLineBytes: 6)
        buffer.append("abc", kind: .stdout)
        buffer.append("defgh\n", kind: .stderr)
        XCTAssertEqual(buffer.map(\.text), ["defgh"])
        buffer.append("xy\n", kind: .stdout)
        XCTAssertEqual(buffer.map(\.text), ["xy"], "the dropped line's continuation starts a line of its own")
        XCTAssertEqual(buffer.byteCount, 2)
    }

    /// The buffer against the plainest model of its rules (every line a `String`), fed random
    /// chunks from interleaved streams with multi-byte characters and tiny caps.
    func testMatchesTheModelOnRandomInterleavedChunks() {
        let pieces = ["a", "bc", "\n", "\n\n", "é", "€", "😀", "e\u{301}", "long line of text ", ""]
        let kinds: [OutputKind] = [.stdout, .stderr, .setup, .marker]
        Fuzz.run("OutputBuffer model", cases: 300) { random in
            let maxLines = Int.random(in: 1...12, using: &random)
            let maxLineBytes = Int.random(in: 1...20, using: &random)
            let maxBytes = Int.random(in: maxLineBytes...80, using: &random)
            var buffer = OutputBuffer(maxLines: maxLines, maxBytes: maxBytes, maxLineBytes: maxLineBytes)
            var model = BufferModel(maxLines: maxLines, maxBytes: maxBytes, maxLineBytes: maxLineBytes)
            var log: [String] = []
            for _ in 0..<Int.random(in: 1...60, using: &random) {
                let kind = kinds.randomElement(using: &random)!
                let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                if random.oneIn(8) {
                    buffer.appendLine(text, kind: kind)
                    model.appendLine(text, kind: kind)
                    log.append("line \(kind) \(text.debugDescription)")
                } else {
                    buffer.append(text, kind: kind)
                    model.append(text, kind: kind)
                    log.append("\(kind) \(text.debugDescription)")
                }
                guard Array(buffer) == model.lines, buffer.droppedLines == model.dropped,
                      buffer.byteCount == model.byteCount else {
                    throw Fuzz.Violation("caps \(maxLines)/\(maxBytes)/\(maxLineBytes) after \(log): buffer \(Array(buffer)) "
                                         + "dropped \(buffer.droppedLines) bytes \(buffer.byteCount); model \(model.lines) "
                                         + "dropped \(model.dropped) bytes \(model.byteCount)")
                }
            }
        }
    }
}

/// The buffer's rules with nothing but an array of lines: caps, open lines per stream, the
/// split of an over-long line at a character boundary.
private struct BufferModel {
    let maxLines: Int, maxBytes: Int, maxLineBytes: Int
    var lines: [OutputLine] = []
    var dropped = 0
    var open: [OutputKind: Int] = [:]

    var byteCount: Int { lines.reduce(0) { $0 + $1.text.utf8.count } }

    mutating func append(_ text: String, kind: OutputKind) {
        var segments = text.split(separator: "\n", omittingEmptySubsequences: false)
        let last = segments.removeLast()
        for segment in segments {
            add(segment, kind: kind)
            open[kind] = nil
        }
        if !last.isEmpty { add(last, kind: kind) }
    }

    mutating func appendLine(_ text: String, kind: OutputKind) {
        lines.append(OutputLine(text, kind: kind))
        trim()
    }

    private mutating func add(_ segment: Substring, kind: OutputKind) {
        var rest = segment
        if let line = open[kind], line >= dropped {
            let index = line - dropped
            let (head, tail) = OutputBuffer.cut(rest, maxBytes: maxLineBytes - lines[index].text.utf8.count,
                                                atLeastOneCharacter: false)
            lines[index].text += head
            rest = tail
            trim()
            if rest.isEmpty { return }
        }
        repeat {
            let (head, tail) = OutputBuffer.cut(rest, maxBytes: maxLineBytes)
            lines.append(OutputLine(String(head), kind: kind))
            trim()
            rest = tail
        } while !rest.isEmpty
        open[kind] = dropped + lines.count - 1
    }

    private mutating func trim() {
        while lines.count > 1 && (lines.count > maxLines || byteCount > maxBytes) {
            lines.removeFirst()
            dropped += 1
        }
    }
}
