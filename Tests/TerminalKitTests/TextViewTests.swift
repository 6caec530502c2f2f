import XCTest
@testable import TerminalKit

/// Records which lines a view reads, to prove only the visible window is laid out.
private final class AccessLog {
    var indices = Set<Int>()
}

private struct CountingLines: RandomAccessCollection {
    let total: Int
    let log: AccessLog
    var startIndex: Int { 0 }
    var endIndex: Int { total }
    subscript(i: Int) -> Line {
        log.indices.insert(i)
        return Line("line \(i)")
    }
}

final class TextViewTests: XCTestCase {
    private func render(_ lines: [Line], _ state: TextViewState, width: Int, height: Int) -> [String] {
        var c = Canvas(width: width, height: height)
        TextView().draw(lines, state: state, in: &c, area: c.bounds)
        return c.rows
    }

    private let numbered: [Line] = (0..<100).map { Line("line \($0)") }

    func testFollowShowsTheLastLines() {
        let rows = render(numbered, TextViewState(), width: 8, height: 3)
        XCTAssertEqual(rows, ["line 97 ", "line 98 ", "line 99 "])
    }

    func testTopOfContentWhenNotFollowing() {
        let rows = render(numbered, TextViewState(follow: false), width: 8, height: 2)
        XCTAssertEqual(rows, ["line 0  ", "line 1  "])
    }

    func testShortContentLeavesBlankRows() {
        let rows = render(["a", "b"], TextViewState(), width: 3, height: 4)
        XCTAssertEqual(rows, ["a  ", "b  ", "   ", "   "])
    }

    func testScrollingUpStopsFollowingAndReachingBottomResumes() {
        let viewport = Size(width: 8, height: 3)
        var state = TextViewState()
        state.scroll(by: -1, lines: numbered, viewport: viewport)
        XCTAssertFalse(state.follow)
        XCTAssertEqual(state.firstLine, 96)
        XCTAssertEqual(render(numbered, state, width: 8, height: 3).first, "line 96 ")
        state.pageUp(lines: numbered, viewport: viewport)
        XCTAssertEqual(state.firstLine, 94)
        state.scroll(by: 50, lines: numbered, viewport: viewport)
        XCTAssertTrue(state.follow)
        XCTAssertEqual(state.firstLine, 97)
        state.scrollToTop()
        XCTAssertEqual(render(numbered, state, width: 8, height: 3).first, "line 0  ")
        state.scroll(by: -5, lines: numbered, viewport: viewport)
        XCTAssertEqual(state.firstLine, 0, "cannot scroll above the first line")
    }

    func testNoWrapClipsLongLines() {
        let rows = render(["0123456789abc"], TextViewState(), width: 5, height: 1)
        XCTAssertEqual(rows, ["01234"])
    }

    func testWrapBreaksLongLinesByColumns() {
        let state = TextViewState(wrap: true, follow: false)
        let rows = render(["abcdefghij", "xy"], state, width: 4, height: 5)
        XCTAssertEqual(rows, ["abcd", "efgh", "ij  ", "xy  ", "    "])
    }

    func testWrapMovesWideCharacterThatWouldStraddleTheEdge() {
        let state = TextViewState(wrap: true, follow: false)
        let rows = render(["abc中d"], state, width: 4, height: 2)
        XCTAssertEqual(rows, ["abc ", "中d "])
    }

    func testWrapScrolledIntoAMultiSpanLineKeepsStyles() {
        let red = Style(fg: .red)
        let ascii = Line(spans: [Span("abc"), Span("defghij", style: red)])
        let mixed = Line(spans: [Span("abc"), Span("dé中fgh", style: red)])
        let state = TextViewState(firstRow: 1, wrap: true, follow: false)
        var c = Canvas(width: 4, height: 2)
        TextView().draw([ascii], state: state, in: &c, area: c.bounds)
        XCTAssertEqual(c.rows, ["efgh", "ij  "])
        XCTAssertEqual(c[0, 0].style, red)
        TextView().draw([mixed], state: state, in: &c, area: c.bounds)
        XCTAssertEqual(c.rows, ["é中f", "gh  "])
        XCTAssertEqual(c[0, 0].style, red)
    }

    func testWrapFollowStartsInsideTheLastLine() {
        let lines: [Line] = ["first", "0123456789"]
        let rows = render(lines, TextViewState(wrap: true), width: 4, height: 2)
        XCTAssertEqual(rows, ["4567", "89  "])
    }

    func testWrapScrollMovesByWrappedRows() {
        let lines: [Line] = ["first", "0123456789"]
        let viewport = Size(width: 4, height: 2)
        var state = TextViewState(wrap: true)
        state.scroll(by: -1, lines: lines, viewport: viewport)
        XCTAssertEqual(render(lines, state, width: 4, height: 2), ["0123", "4567"])
        state.scroll(by: -1, lines: lines, viewport: viewport)
        XCTAssertEqual(state.firstLine, 0)
        XCTAssertEqual(state.firstRow, 1)
        XCTAssertEqual(render(lines, state, width: 4, height: 2), ["t   ", "0123"])
        state.scroll(by: 10, lines: lines, viewport: viewport)
        XCTAssertTrue(state.follow)
        XCTAssertEqual(render(lines, state, width: 4, height: 2), ["4567", "89  "])
    }

    func testHorizontalScrollMovesByHalfAWidth() {
        let lines: [Line] = ["0123456789abcdefghij", "short"]
        let viewport = Size(width: 8, height: 2)
        var state = TextViewState(follow: false)
        state.scrollRight(lines: lines, viewport: viewport)
        XCTAssertEqual(state.column, 4)
        XCTAssertEqual(render(lines, state, width: 8, height: 2), ["456789ab", "t       "])
        state.scrollRight(lines: lines, viewport: viewport)
        state.scrollRight(lines: lines, viewport: viewport)
        state.scrollRight(lines: lines, viewport: viewport)
        state.scrollRight(lines: lines, viewport: viewport)
        XCTAssertEqual(state.column, 16, "stops while the widest visible line still shows")
        state.scrollLeft(viewport: viewport)
        XCTAssertEqual(state.column, 12)
        state.setWrap(true)
        XCTAssertEqual(state.column, 0)
        state.scrollRight(lines: lines, viewport: viewport)
        XCTAssertEqual(state.column, 0, "no horizontal scrolling while wrapping")
    }

    func testOnlyVisibleLinesAreRead() {
        let log = AccessLog()
        let lines = CountingLines(total: 100_000, log: log)
        var c = Canvas(width: 20, height: 10)
        TextView().draw(lines, state: TextViewState(), in: &c, area: c.bounds)
        XCTAssertEqual(log.indices, Set(99_990..<100_000))
        XCTAssertEqual(c.rows.last, "line 99999          ")

        log.indices = []
        TextView().draw(lines, state: TextViewState(firstLine: 500, wrap: true, follow: false), in: &c, area: c.bounds)
        XCTAssertEqual(log.indices, Set(500..<510))

        log.indices = []
        TextView().draw(lines, state: TextViewState(wrap: true), in: &c, area: c.bounds)
        XCTAssertLessThanOrEqual(log.indices.count, 20)
        XCTAssertTrue(log.indices.allSatisfy { $0 >= 99_980 })
    }

    func testHundredThousandCharacterLineWrapped() {
        let long = Line(String(repeating: "x", count: 99_990) + "END")
        var c = Canvas(width: 80, height: 24)
        TextView().draw([long], state: TextViewState(wrap: true), in: &c, area: c.bounds)
        XCTAssertEqual(c.rows[23], String(repeating: "x", count: 70) + "END" + String(repeating: " ", count: 7))
        XCTAssertEqual(c.rows[0], String(repeating: "x", count: 80))

        var state = TextViewState(wrap: true)
        state.scrollToTop()
        state.scroll(by: 1, lines: [long], viewport: c.size)
        XCTAssertEqual(state.firstRow, 1)
    }

    func testDrawsOnlyInsideItsArea() {
        var c = Canvas(width: 6, height: 3)
        c.fill(c.bounds, symbol: "#", style: .plain)
        TextView().draw(["abcdefgh"], state: TextViewState(), in: &c, area: Rect(x: 1, y: 1, width: 4, height: 1))
        XCTAssertEqual(c.rows, ["######", "#abcd#", "######"])
    }
}
