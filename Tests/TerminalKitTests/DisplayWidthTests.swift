import XCTest
@testable import TerminalKit

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumnPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("hello"), 5)
    }

    func testCJKIsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("中文"), 4)
        XCTAssertEqual(DisplayWidth.of(Character("한")), 2)
    }

    func testCombiningMarksStayWithTheirBase() {
        let decomposed = "e\u{301}"  // é as e + combining acute
        XCTAssertEqual(decomposed.count, 1)
        XCTAssertEqual(DisplayWidth.of(decomposed), 1)
        XCTAssertEqual(DisplayWidth.of("a\u{300}\u{301}\u{302}b"), 2)
    }

    func testEmojiAreTwoColumnsEvenAsSequences() {
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("❤️"), 2, "VS16 asks for emoji presentation")
        XCTAssertEqual(DisplayWidth.of("🇫🇷"), 2, "flag pair")
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2, "skin tone modifier")
    }

    func testJoinedEmojiAreDrawnAsTheirPartsWithoutTheJoiner() {
        var cells: [String] = []
        DisplayWidth.forEachCell(in: "👨‍👩‍👧x") { symbol, width in
            cells.append("\(symbol):\(width)")
            return true
        }
        XCTAssertEqual(cells, ["👨:2", "👩:2", "👧:2", "x:1"])
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 6, "measured as drawn")
        XCTAssertEqual(DisplayWidth.of("👩🏽‍💻"), 4, "a modifier stays with its part")
        XCTAssertEqual(DisplayWidth.of("a\u{200D}"), 1, "a trailing joiner is dropped")

        var canvas = Canvas(size: Size(width: 10, height: 1))
        XCTAssertEqual(canvas.put("👨‍👩‍👧x", at: 0, 0), 7)
        XCTAssertFalse(canvas.rows[0].unicodeScalars.contains("\u{200D}"), canvas.rows[0])
        XCTAssertTrue(canvas.rows[0].hasPrefix("👨👩👧x"), canvas.rows[0])
    }

    func testControlsMeasureAsTheirVisibleEscape() {
        XCTAssertEqual(DisplayWidth.of("\u{07}"), 2)          // ^G
        XCTAssertEqual(DisplayWidth.of("\u{1B}"), 1)          // ␛
        XCTAssertEqual(DisplayWidth.of("\u{9B}"), 8)          // <U+009B>
    }

    func testInvisibleFormatCharactersTakeNoCell() {
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2)
    }

    func testLoneCombiningMarkGetsDottedCircleBase() {
        var c = Canvas(width: 3, height: 1)
        c.put("\u{301}x", at: 0, 0)
        XCTAssertEqual(c[0, 0].symbol, "\u{25CC}\u{301}")
        XCTAssertEqual(c.rows, ["\u{25CC}\u{301}x "])
    }

    func testTruncateAndFit() {
        XCTAssertEqual(DisplayWidth.truncate("hello world", to: 8, ellipsis: "…"), "hello w…")
        XCTAssertEqual(DisplayWidth.truncate("中文字", to: 5), "中文")
        XCTAssertEqual(DisplayWidth.truncate("short", to: 10, ellipsis: "…"), "short")
        XCTAssertEqual(DisplayWidth.fit("ab", to: 5, alignment: .right), "   ab")
        XCTAssertEqual(DisplayWidth.fit("ab", to: 5, alignment: .center), " ab  ")
        XCTAssertEqual(DisplayWidth.fit("abcdef", to: 4), "abc…")
    }
}
