import TerminalKit
import XCTest
@testable import TerminalCurses

final class GlyphRunTests: XCTestCase {
    func testTextAndBordersGoInRuns() {
        XCTAssertEqual(GlyphRun.char(of: Cell("a")), 0x61)
        XCTAssertEqual(GlyphRun.char(of: Cell(" ")), 0x20)
        XCTAssertEqual(GlyphRun.char(of: Cell("─")), 0x2500)
        XCTAssertEqual(GlyphRun.char(of: Cell("┃")), 0x2503)
    }

    func testCellsCursesMustMeasureItselfTakeTheSinglePath() {
        XCTAssertNil(GlyphRun.char(of: Cell("中", width: 2)), "wide")
        XCTAssertNil(GlyphRun.char(of: .continuation(.plain)), "right half of a wide grapheme")
        XCTAssertNil(GlyphRun.char(of: Cell("e\u{301}")), "several scalars")
        XCTAssertNil(GlyphRun.char(of: Cell("é")), "outside ASCII and box drawing")
    }

    func testRunTakesOnlyTheNextCellOfItsRowInItsLook() {
        var run = GlyphRun()
        XCTAssertTrue(run.append(0x61, x: 3, y: 1, attributes: 0, pair: 2))
        XCTAssertTrue(run.append(0x62, x: 4, y: 1, attributes: 0, pair: 2))
        XCTAssertFalse(run.append(0x63, x: 6, y: 1, attributes: 0, pair: 2), "gap")
        XCTAssertFalse(run.append(0x63, x: 5, y: 2, attributes: 0, pair: 2), "other row")
        XCTAssertFalse(run.append(0x63, x: 5, y: 1, attributes: 0, pair: 3), "other pair")
        XCTAssertFalse(run.append(0x63, x: 5, y: 1, attributes: 1, pair: 2), "other attributes")
        XCTAssertTrue(run.append(0x63, x: 5, y: 1, attributes: 0, pair: 2))
    }
}
