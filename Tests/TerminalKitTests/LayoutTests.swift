import XCTest
@testable import TerminalKit

final class LayoutTests: XCTestCase {
    /// Header, body, footer: the shape every screen of the app uses.
    private func appRows(_ size: Size) -> [Rect] {
        Rect(size: size).rows([.length(1), .fill(), .length(1)])
    }

    func testAppRowsAt80x24() {
        let r = appRows(Size(width: 80, height: 24))
        XCTAssertEqual(r.map(\.height), [1, 22, 1])
        XCTAssertEqual(r.map(\.y), [0, 1, 23])
        XCTAssertEqual(r.map(\.width), [80, 80, 80])
    }

    func testAppRowsAt120x40() {
        let r = appRows(Size(width: 120, height: 40))
        XCTAssertEqual(r.map(\.height), [1, 38, 1])
        XCTAssertEqual(r[2].bottom, 40)
    }

    func testAppRowsAt40x12() {
        let r = appRows(Size(width: 40, height: 12))
        XCTAssertEqual(r.map(\.height), [1, 10, 1])
    }

    func testPercentageColumnsAt80And120() {
        let cols80 = Rect(x: 0, y: 0, width: 80, height: 24).columns([.percentage(30), .fill()])
        XCTAssertEqual(cols80.map(\.width), [24, 56])
        XCTAssertEqual(cols80[1].x, 24)
        let cols120 = Rect(x: 0, y: 0, width: 120, height: 40).columns([.percentage(30), .fill()])
        XCTAssertEqual(cols120.map(\.width), [36, 84])
    }

    func testFillWeightsShareTheRemainderAndCoverTheAxis() {
        let sizes = Layout.sizes(for: [.fill(1), .fill(2), .fill(1)], total: 41)
        XCTAssertEqual(sizes.reduce(0, +), 41)
        XCTAssertEqual(sizes, [11, 20, 10])
    }

    func testMinGrowsAndKeepsItsFloor() {
        XCTAssertEqual(Layout.sizes(for: [.min(10), .length(5)], total: 40), [35, 5])
        XCTAssertEqual(Layout.sizes(for: [.min(10), .fill()], total: 12), [11, 1])
    }

    func testSpacingIsPlacedBetweenSegments() {
        let r = Rect(x: 0, y: 0, width: 21, height: 1).columns([.fill(), .fill()], spacing: 1)
        XCTAssertEqual(r.map(\.width), [10, 10])
        XCTAssertEqual(r.map(\.x), [0, 11])
    }

    func testTinySizesNeverGoNegative() {
        for size in [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 3, height: 2)] {
            let r = appRows(size)
            XCTAssertEqual(r.count, 3)
            XCTAssertTrue(r.allSatisfy { $0.width >= 0 && $0.height >= 0 })
            XCTAssertLessThanOrEqual(r.map(\.height).reduce(0, +), size.height)
            XCTAssertTrue(r.allSatisfy { $0.bottom <= size.height })
        }
        XCTAssertEqual(appRows(Size(width: 5, height: 1)).map(\.height), [1, 0, 0], "earlier segments win")
    }

    func testOversizedAndNonsenseConstraintsAreClamped() {
        XCTAssertEqual(Layout.sizes(for: [.length(50), .length(50)], total: 60), [50, 10])
        XCTAssertEqual(Layout.sizes(for: [.percentage(150), .length(-3), .ratio(1, 0)], total: 10), [10, 0, 0])
        XCTAssertEqual(Layout.sizes(for: [.fill(), .fill()], total: 1, spacing: 5), [1, 0], "spacing dropped when it cannot fit")
        XCTAssertEqual(Layout.sizes(for: [], total: 10), [])
    }

    func testRectInsetCollapsesInsteadOfGoingNegative() {
        let r = Rect(x: 5, y: 5, width: 3, height: 1)
        let inner = r.inset(by: 1)
        XCTAssertEqual(inner.width, 1)
        XCTAssertEqual(inner.height, 0)
        XCTAssertTrue(inner.isEmpty)
        XCTAssertEqual(Rect(x: 0, y: 0, width: -4, height: 2).width, 0)
    }

    func testRectHelpers() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        XCTAssertEqual(r.centered(width: 40, height: 10), Rect(x: 20, y: 7, width: 40, height: 10))
        XCTAssertEqual(r.centered(width: 200, height: 50), r)
        let (top, rest) = r.splitTop(3)
        XCTAssertEqual(top.height, 3)
        XCTAssertEqual(rest, Rect(x: 0, y: 3, width: 80, height: 21))
        let (left, right) = r.splitRight(30)
        XCTAssertEqual(left.width, 50)
        XCTAssertEqual(right.x, 50)
        XCTAssertEqual(r.intersection(Rect(x: 70, y: 20, width: 20, height: 20)), Rect(x: 70, y: 20, width: 10, height: 4))
        XCTAssertTrue(r.intersection(Rect(x: 100, y: 0, width: 5, height: 5)).isEmpty)
        XCTAssertTrue(r.contains(x: 79, y: 23))
        XCTAssertFalse(r.contains(x: 80, y: 0))
    }
}
