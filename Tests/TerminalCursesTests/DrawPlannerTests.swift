import TerminalKit
import XCTest
@testable import TerminalCurses

final class DrawPlannerTests: XCTestCase {
    private let screen = Size(width: 10, height: 3)

    private func positions(_ plan: DrawPlan) -> [String] {
        plan.changes.map { "\($0.x),\($0.y):\($0.cell.symbol)" }
    }

    func testFirstFrameClearsAndWritesEverythingButPlainBlanks() {
        var canvas = Canvas(size: screen)
        canvas.put("ab", at: 1, 0)
        canvas.set(" ", x: 5, y: 2, style: Style(attributes: .reverse))
        let plan = DrawPlanner.plan(previous: nil, next: canvas, screen: screen)
        XCTAssertTrue(plan.clearsScreen)
        XCTAssertEqual(positions(plan), ["1,0:a", "2,0:b", "5,2: "])
    }

    func testUnchangedFrameIsEmpty() {
        var canvas = Canvas(size: screen)
        canvas.put("hello", at: 0, 1)
        let plan = DrawPlanner.plan(previous: canvas, next: canvas, screen: screen)
        XCTAssertTrue(plan.isEmpty)
    }

    func testOnlyChangedCellsInReadingOrder() {
        var before = Canvas(size: screen)
        before.put("hello", at: 0, 0)
        before.put("world", at: 0, 2)
        var after = before
        after.put("W", at: 0, 2)
        after.put("J", at: 0, 0)
        after.put("!", at: 9, 1)
        let plan = DrawPlanner.plan(previous: before, next: after, screen: screen)
        XCTAssertFalse(plan.clearsScreen)
        XCTAssertEqual(positions(plan), ["0,0:J", "9,1:!", "0,2:W"])
    }

    func testStyleOnlyChangesAreWritten() {
        var before = Canvas(size: screen)
        before.put("x", at: 3, 1)
        var after = before
        after.setStyle(Style(fg: .red), in: Rect(x: 3, y: 1, width: 1, height: 1))
        XCTAssertEqual(positions(DrawPlanner.plan(previous: before, next: after, screen: screen)), ["3,1:x"])
    }

    func testWideGraphemesWriteTheLeadAndSkipTheContinuation() {
        let before = Canvas(size: screen)
        var after = before
        after.put("a漢b", at: 0, 0)
        let plan = DrawPlanner.plan(previous: before, next: after, screen: screen)
        XCTAssertEqual(positions(plan), ["0,0:a", "1,0:漢", "3,0:b"])
        XCTAssertEqual(plan.changes[1].cell.width, 2)
        XCTAssertFalse(plan.changes.contains { $0.cell.isContinuation })
    }

    func testReplacingAWideGraphemeWithNarrowOnesWritesBothColumns() {
        var before = Canvas(size: screen)
        before.put("漢字", at: 0, 0)
        var after = before
        after.put("abcd", at: 0, 0)
        XCTAssertEqual(positions(DrawPlanner.plan(previous: before, next: after, screen: screen)),
                       ["0,0:a", "1,0:b", "2,0:c", "3,0:d"])
    }

    func testShiftingWideTextByOneColumnRewritesTheOverlap() {
        var before = Canvas(size: screen)
        before.put("漢字", at: 0, 0)
        var after = Canvas(size: screen)
        after.put("漢字", at: 1, 0)
        XCTAssertEqual(positions(DrawPlanner.plan(previous: before, next: after, screen: screen)),
                       ["0,0: ", "1,0:漢", "3,0:字"])
    }

    func testSizeChangeRepaintsEverything() {
        var before = Canvas(width: 5, height: 3)
        before.put("x", at: 0, 0)
        var after = Canvas(size: screen)
        after.put("x", at: 0, 0)
        let plan = DrawPlanner.plan(previous: before, next: after, screen: screen)
        XCTAssertTrue(plan.clearsScreen)
        XCTAssertEqual(positions(plan), ["0,0:x"])
    }

    func testCellsBeyondTheScreenAreClippedAndAWideEdgeCellBecomesBlank() {
        var canvas = Canvas(width: 12, height: 4)
        let bold = Style(attributes: .bold)
        canvas.put("abcdefghi漢", at: 0, 0, style: bold)  // 漢 at columns 9-10; the screen ends at 9
        canvas.put("z", at: 0, 3)                         // row 3 is off screen
        let plan = DrawPlanner.plan(previous: nil, next: canvas, screen: screen)
        XCTAssertEqual(plan.changes.last?.cell, Cell.blank(bold))
        XCTAssertEqual(plan.changes.last?.x, 9)
        XCTAssertFalse(plan.changes.contains { $0.y >= 3 || $0.x >= 10 })
    }
}
