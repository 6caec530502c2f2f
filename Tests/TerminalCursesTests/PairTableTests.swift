import XCTest
@testable import TerminalCurses

final class PairTableTests: XCTestCase {
    func testDefaultColoursUseThePairZero() {
        var table = PairTable(capacity: 4)
        XCTAssertEqual(table.lookup(fg: -1, bg: -1), .existing(0))
        XCTAssertEqual(table.count, 0)
    }

    func testEachCombinationGetsOnePairOnce() {
        var table = PairTable(capacity: 8)
        XCTAssertEqual(table.lookup(fg: 1, bg: -1), .new(1))
        XCTAssertEqual(table.lookup(fg: 2, bg: -1), .new(2))
        XCTAssertEqual(table.lookup(fg: 1, bg: -1), .existing(1))
        XCTAssertEqual(table.lookup(fg: -1, bg: 1), .new(3))
    }

    func testAFullTableSaysSoInsteadOfRecycling() {
        var table = PairTable(capacity: 3)  // pairs 1 and 2
        XCTAssertEqual(table.lookup(fg: 1, bg: 0), .new(1))
        XCTAssertEqual(table.lookup(fg: 2, bg: 0), .new(2))
        XCTAssertEqual(table.lookup(fg: 3, bg: 0), .full)
        XCTAssertEqual(table.lookup(fg: 1, bg: 0), .existing(1))
        table.reset()
        XCTAssertEqual(table.lookup(fg: 3, bg: 0), .new(1))
    }
}
