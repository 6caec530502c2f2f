import TerminalKit
import XCTest

/// A glyph holds a grapheme inline and gives back exactly what it was given, up to its capacity.
final class GlyphTests: XCTestCase {
    func testGraphemesComeBackExactly() {
        for symbol in ["a", " ", "─", "é", "e\u{301}", "界", "😀", "🇫🇷", "👍🏽", String(repeating: "a\u{301}", count: 5)] {
            XCTAssertLessThanOrEqual(symbol.utf8.count, Glyph.capacity, symbol)
            XCTAssertEqual(Glyph(symbol).string, symbol)
            XCTAssertEqual(Glyph(symbol).count, symbol.utf8.count, symbol)
        }
        XCTAssertEqual(Glyph(ascii: 0x41), Glyph("A"))
        XCTAssertEqual(Glyph.empty.string, "")
    }

    func testALongerGraphemeKeepsItsFirstScalar() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"  // 25 bytes, one grapheme
        XCTAssertGreaterThan(family.utf8.count, Glyph.capacity)
        XCTAssertEqual(Glyph(family).string, "👨")
        XCTAssertEqual(Cell(family, width: 2).symbol, "👨")
    }

    func testShortScalarIsOneScalarOfUpToThreeBytes() {
        XCTAssertEqual(Glyph("a").shortScalar, 0x61)
        XCTAssertEqual(Glyph("é").shortScalar, 0xE9)
        XCTAssertEqual(Glyph("─").shortScalar, 0x2500)
        XCTAssertEqual(Glyph("界").shortScalar, 0x754C)
        XCTAssertNil(Glyph("😀").shortScalar, "four bytes")
        XCTAssertNil(Glyph("e\u{301}").shortScalar, "two scalars")
        XCTAssertNil(Glyph.empty.shortScalar)
    }

    func testCellsCompareByContentWidthAndStyle() {
        XCTAssertEqual(Cell("x"), Cell(Glyph(ascii: 0x78)))
        XCTAssertNotEqual(Cell("x"), Cell("y"))
        XCTAssertNotEqual(Cell("界", width: 2), Cell("界", width: 1))
        XCTAssertNotEqual(Cell("x"), Cell("x", style: Style(fg: .red)))
    }
}
