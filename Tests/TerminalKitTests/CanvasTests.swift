import XCTest
@testable import TerminalKit

final class CanvasTests: XCTestCase {
    func testPutWritesTextAndReturnsColumnsUsed() {
        var c = Canvas(width: 10, height: 2)
        let used = c.put("hello", at: 2, 1)
        XCTAssertEqual(used, 5)
        XCTAssertEqual(c.rows, ["          ", "  hello   "])
    }

    func testPutClipsAtClipWidthAndRightEdge() {
        var c = Canvas(width: 6, height: 1)
        XCTAssertEqual(c.put("abcdef", at: 0, 0, clipWidth: 3), 3)
        XCTAssertEqual(c.rows, ["abc   "])
        XCTAssertEqual(c.put("xyz", at: 4, 0), 2)
        XCTAssertEqual(c.rows, ["abc xy"])
        XCTAssertEqual(c.put("zzz", at: 0, 5), 0, "rows outside the canvas draw nothing")
    }

    func testWideCharacterTakesLeadAndContinuationCell() {
        var c = Canvas(width: 6, height: 1)
        XCTAssertEqual(c.put("a中b", at: 0, 0), 4)
        XCTAssertEqual(c[1, 0].symbol, "中")
        XCTAssertEqual(c[1, 0].width, 2)
        XCTAssertTrue(c[2, 0].isContinuation)
        XCTAssertEqual(c[3, 0].symbol, "b")
        XCTAssertEqual(c.rows, ["a中b  "], "continuation cells contribute nothing to rows")
    }

    func testOverwritingRightHalfOfWideCharBlanksLeftHalf() {
        var c = Canvas(width: 4, height: 1)
        c.put("中文", at: 0, 0)
        c.put("x", at: 1, 0)
        XCTAssertEqual(c.rows, [" x文"])
        XCTAssertEqual(c[0, 0].width, 1)
        XCTAssertFalse(c[2, 0].isContinuation)
    }

    func testOverwritingLeftHalfOfWideCharBlanksRightHalf() {
        var c = Canvas(width: 4, height: 1)
        c.put("中文", at: 0, 0)
        c.put("y", at: 2, 0)
        XCTAssertEqual(c.rows, ["中y "])
        XCTAssertFalse(c[3, 0].isContinuation)
    }

    func testWideCharOverlappingTwoWideCharsBlanksBothOuterHalves() {
        var c = Canvas(width: 4, height: 1)
        c.put("中文", at: 0, 0)
        c.put("字", at: 1, 0)
        XCTAssertEqual(c.rows, [" 字 "])
        XCTAssertEqual(c.cells.filter(\.isContinuation).count, 1)
    }

    func testWideCharThatDoesNotFitIsLeftOut() {
        var c = Canvas(width: 3, height: 1)
        XCTAssertEqual(c.put("ab中", at: 0, 0), 2)
        XCTAssertEqual(c.rows, ["ab "])
        c.set("中", width: 2, x: 2, y: 0, style: .plain)
        XCTAssertEqual(c.rows, ["ab "], "a wide grapheme in the last column becomes a blank")
        XCTAssertFalse(c.cells.contains(where: \.isContinuation))
    }

    func testFillBlanksWideCharCutByRectEdge() {
        var c = Canvas(width: 4, height: 1)
        c.put("中文", at: 0, 0)
        c.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: .plain)
        XCTAssertEqual(c.rows, ["    "])
        XCTAssertFalse(c.cells.contains(where: \.isContinuation))
    }

    func testControlCharactersAreDrawnAsVisibleEscapes() {
        var c = Canvas(width: 12, height: 1)
        c.put("a\u{1B}[2Jb\u{07}", at: 0, 0)
        XCTAssertEqual(c.rows, ["a␛[2Jb^G    "])
        XCTAssertFalse(c.cells.contains { $0.symbol.unicodeScalars.contains { $0.value < 0x20 } })
    }

    func testSetNeverStoresAControlCharacter() {
        var c = Canvas(width: 2, height: 1)
        c.set("\u{1B}", x: 0, y: 0, style: .plain)
        c.set("\u{9B}", x: 1, y: 0, style: .plain)
        XCTAssertEqual(c.rows, ["\u{FFFD}\u{FFFD}"])
    }

    func testPutSkipColumnsCutsWideCharAtLeftEdgeToBlank() {
        var c = Canvas(width: 4, height: 1)
        c.put(Line("中文x"), at: 0, 0, skipColumns: 1)
        XCTAssertEqual(c.rows, [" 文x"])
    }

    func testNegativeXClipsAtTheLeftEdge() {
        var c = Canvas(width: 4, height: 1)
        c.fill(c.bounds, symbol: "#", style: .plain)
        c.put("ab中cd", at: -3, 0)
        XCTAssertEqual(c.rows, [" cd#"], "the visible half of 中 is blanked, not left as '#'")
    }

    func testStyledSpansKeepTheirStyles() {
        var c = Canvas(width: 4, height: 1)
        let red = Style(fg: .red)
        c.put(Line(spans: [Span("a"), Span("b", style: red)]), at: 0, 0)
        XCTAssertEqual(c[0, 0].style, .plain)
        XCTAssertEqual(c[1, 0].style, red)
    }

    func testDiffListsOnlyChangedCells() {
        var a = Canvas(width: 5, height: 2)
        a.put("hello", at: 0, 0)
        var b = a
        b.put("j", at: 0, 0)
        b.put("!", at: 4, 1)
        XCTAssertEqual(b.diff(from: a).map { [$0.x, $0.y] }, [[0, 0], [4, 1]])
        XCTAssertEqual(b.diff(from: a).first?.cell.symbol, "j")
        XCTAssertTrue(a.diff(from: a).isEmpty)
    }

    func testDiffSkipsContinuationAndReportsBlankedHalf() {
        var a = Canvas(width: 4, height: 1)
        a.put("abcd", at: 0, 0)
        var b = a
        b.put("中", at: 1, 0)
        let changes = b.diff(from: a)
        XCTAssertEqual(changes.map(\.x), [1], "the wide lead covers column 2")
        XCTAssertEqual(changes.first?.cell.width, 2)

        var c = b
        c.put("z", at: 2, 0)  // overwrite the right half
        XCTAssertEqual(c.diff(from: b).map(\.x), [1, 2], "the lead became a blank and must be redrawn")
        XCTAssertEqual(c.diff(from: b).first?.cell.symbol, " ")
    }

    func testDiffWithDifferentSizeListsEveryCell() {
        let a = Canvas(width: 2, height: 2)
        let b = Canvas(width: 3, height: 2)
        XCTAssertEqual(b.diff(from: a).count, 6)
    }

    func testSetStyleKeepsText() {
        var c = Canvas(width: 3, height: 1)
        c.put("abc", at: 0, 0)
        c.setStyle(Style(attributes: .reverse), in: Rect(x: 1, y: 0, width: 1, height: 1))
        XCTAssertEqual(c.rows, ["abc"])
        XCTAssertEqual(c[1, 0].style.attributes, .reverse)
        XCTAssertEqual(c[0, 0].style, .plain)
    }

    func testHugeLineIsClippedWithoutWalkingAllOfIt() {
        var c = Canvas(width: 10, height: 1)
        let long = String(repeating: "x", count: 100_000)
        XCTAssertEqual(c.put(long, at: 0, 0), 10)
        XCTAssertEqual(c.rows, ["xxxxxxxxxx"])
    }

    func testDegenerateCanvasSizes() {
        var c = Canvas(width: 0, height: 0)
        XCTAssertEqual(c.put("abc", at: 0, 0), 0)
        c.fill(Rect(x: -5, y: -5, width: 100, height: 100), style: .plain)
        XCTAssertEqual(c.rows, [])
        let negative = Canvas(width: -3, height: 2)
        XCTAssertEqual(negative.size, Size(width: 0, height: 2))
    }

    /// The diff passes unchanged rows by comparing their bytes, which only works while equal
    /// cells are equal bytes: no padding, whose contents Swift leaves undefined.
    func testACellHasNoPaddingBytes() {
        XCTAssertEqual(MemoryLayout<Cell>.size, MemoryLayout<Cell>.stride)
    }
}

