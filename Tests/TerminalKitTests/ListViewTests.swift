import XCTest
@testable import TerminalKit

final class ListViewTests: XCTestCase {
    private let theme = Theme.default
    private let table = ListView(columns: [
        TableColumn("NAME", width: .length(6)),
        TableColumn("SIZE", width: .length(4), alignment: .right),
        TableColumn("NOTE"),
    ], showHeader: true)

    private let rows = (0..<10).map { ListRow(["item\($0)", "\($0 * 10)", "n\($0)"]) }

    func testTableDrawsHeaderAndAlignedColumns() {
        var c = Canvas(width: 16, height: 3)
        table.draw(rows, state: ListViewState(), in: &c, area: c.bounds, theme: theme)
        XCTAssertEqual(c.rows, [
            "NAME   SIZE NOTE",
            "item0     0 n0  ",
            "item1    10 n1  ",
        ])
        XCTAssertEqual(c[0, 0].style, theme[.header])
    }

    func testLongCellsAreTruncatedWithEllipsis() {
        var c = Canvas(width: 16, height: 2)
        table.draw([ListRow(["averylongname", "12345", "x"])], state: ListViewState(), in: &c, area: c.bounds, theme: theme)
        XCTAssertEqual(c.rows[1], "avery… 123… x   ")
    }

    func testSelectedRowUsesSelectionStyleAndStaysVisible() {
        var state = ListViewState()
        state.move(by: 1, count: rows.count, height: 2)
        XCTAssertEqual(state.selected, 0)
        state.move(by: 5, count: rows.count, height: 2)
        XCTAssertEqual(state.selected, 5)
        XCTAssertEqual(state.offset, 4)
        var c = Canvas(width: 16, height: 3)
        table.draw(rows, state: state, in: &c, area: c.bounds, theme: theme)
        XCTAssertEqual(c.rows[1], "item4    40 n4  ")
        XCTAssertEqual(c.rows[2], "item5    50 n5  ")
        XCTAssertTrue(c[0, 2].style.attributes.contains(.reverse))
        XCTAssertFalse(c[0, 1].style.attributes.contains(.reverse))
        state.move(by: 100, count: rows.count, height: 2)
        XCTAssertEqual(state.selected, 9)
        state.move(by: -100, count: rows.count, height: 2)
        XCTAssertEqual(state.selected, 0)
        XCTAssertEqual(state.offset, 0)
    }

    func testStaleOffsetIsCorrectedWhileDrawing() {
        let state = ListViewState(selected: 8, offset: 0)
        var c = Canvas(width: 10, height: 3)
        ListView().draw(rows, state: state, in: &c, area: c.bounds, theme: theme)
        XCTAssertEqual(c.rows.last?.hasPrefix("item8"), true)
    }

    func testSelectionMarkerShowsWithoutColour() {
        var c = Canvas(width: 8, height: 2)
        ListView(selectionMarker: "> ").draw([ListRow("a"), ListRow("b")], state: ListViewState(selected: 1),
                                             in: &c, area: c.bounds, theme: .monochrome)
        XCTAssertEqual(c.rows, ["  a     ", "> b     "])
    }

    func testEmptyListAndTinyArea() {
        var c = Canvas(width: 3, height: 1)
        table.draw(rows, state: ListViewState(selected: 3), in: &c, area: c.bounds, theme: theme)
        XCTAssertEqual(c.rows, ["…  "], "the first column keeps what little room there is, marked as cut")
        var state = ListViewState(selected: 2)
        state.move(by: 1, count: 0, height: 5)
        XCTAssertNil(state.selected)
    }
}
