import XCTest
@testable import TerminalKit

final class WidgetTests: XCTestCase {
    func testPaneDrawsBorderTitlesAndReturnsInnerArea() {
        var c = Canvas(width: 24, height: 3)
        let inner = Pane(title: "Output", rightTitle: "wrap:off").draw(in: &c, area: c.bounds, theme: .default)
        XCTAssertEqual(c.rows, [
            "┌─ Output ── wrap:off ─┐",
            "│                      │",
            "└──────────────────────┘",
        ])
        XCTAssertEqual(inner, Rect(x: 1, y: 1, width: 22, height: 1))
        XCTAssertEqual(c[0, 0].style, Theme.default[.border])
        XCTAssertEqual(c[3, 0].style, Theme.default[.title])
    }

    func testFocusedPaneUsesThickGlyphsAndFocusedStyle() {
        var c = Canvas(width: 12, height: 3)
        Pane(title: "Code", focused: true).draw(in: &c, area: c.bounds, theme: .default)
        XCTAssertEqual(c.rows[0], "┏━ Code ━━━┓")
        XCTAssertEqual(c.rows[2], "┗━━━━━━━━━━┛")
        XCTAssertEqual(c[0, 0].style, Theme.default[.borderFocused])
    }

    func testPaneTitleIsTruncatedAndRightTitleDroppedWhenNarrow() {
        var c = Canvas(width: 12, height: 3)
        Pane(title: "Network log", rightTitle: "follow:on").draw(in: &c, area: c.bounds, theme: .default)
        XCTAssertEqual(c.rows[0], "┌─ Netwo… ─┐")
    }

    func testPaneSurvivesTinyAreas() {
        for (w, h) in [(0, 0), (1, 1), (2, 2), (3, 1), (5, 2)] {
            var c = Canvas(width: w, height: h)
            let inner = Pane(title: "T", rightTitle: "R", focused: true).draw(in: &c, area: c.bounds, theme: .default)
            XCTAssertTrue(inner.width >= 0 && inner.height >= 0)
        }
        var c = Canvas(width: 2, height: 2)
        Pane(title: "Title").draw(in: &c, area: c.bounds, theme: .default)
        XCTAssertEqual(c.rows, ["┌┐", "└┘"])
    }

    func testDialogIsCentredWithMessageAndButtons() {
        var c = Canvas(width: 40, height: 12)
        let dialog = Dialog(title: "Quit?", message: "Stop the running container?", buttons: ["Yes", "No"])
        let box = dialog.draw(in: &c, area: c.bounds, theme: .default)
        XCTAssertEqual(box, Rect(x: 4, y: 3, width: 31, height: 5))
        XCTAssertEqual(c.rows[4], "    ┃ Stop the running container? ┃     ")
        XCTAssertEqual(c.rows[6], "    ┃       [ Yes ]  [ No ]       ┃     ")
        XCTAssertTrue(c[12, 6].style.attributes.contains(.reverse), "selected button")
        XCTAssertFalse(c[21, 6].style.attributes.contains(.reverse))
        XCTAssertTrue(c.rows[3].contains(" Quit? "))
    }

    func testDialogWrapsLongMessagesAndFitsSmallScreens() {
        let dialog = Dialog(title: "Error", message: String(repeating: "word ", count: 40), buttons: ["OK"])
        let box80 = dialog.frame(in: Rect(x: 0, y: 0, width: 80, height: 24))
        XCTAssertEqual(box80.width, 60)
        XCTAssertGreaterThan(box80.height, 5)
        var c = Canvas(width: 12, height: 4)
        let small = dialog.draw(in: &c, area: c.bounds, theme: .default)
        XCTAssertLessThanOrEqual(small.width, 12)
        XCTAssertLessThanOrEqual(small.height, 4)
        var tiny = Canvas(width: 1, height: 1)
        _ = Dialog(title: "x", message: "中文", buttons: []).draw(in: &tiny, area: tiny.bounds, theme: .default)
        XCTAssertEqual(Dialog.wrap("中文", width: 1), ["中", "文"], "a wide character in a 1-column box still progresses")
    }

    func testDialogKeys() {
        var d = Dialog(title: "Delete?", message: "", buttons: ["Yes", "No"], selectedButton: 1)
        XCTAssertEqual(d.handle(.right), .handled)
        XCTAssertEqual(d.selectedButton, 0)
        XCTAssertEqual(d.handle(.enter), .chosen(0))
        XCTAssertEqual(d.handle(.char("n")), .chosen(1))
        XCTAssertEqual(d.handle(.escape), .cancelled)
        XCTAssertEqual(d.handle(.char("z")), .ignored)
    }

    func testKeyHintBarDropsHintsThatDoNotFit() {
        let bar = KeyHintBar([KeyHint("r", "run"), KeyHint("x", "cancel"), KeyHint("?", "help")])
        XCTAssertEqual(bar.text, "r run  x cancel  ? help")
        var wide = Canvas(width: 30, height: 1)
        bar.draw(in: &wide, area: wide.bounds, theme: .default)
        XCTAssertEqual(wide.rows[0], "r run  x cancel  ? help       ")
        XCTAssertEqual(wide[0, 0].style, Theme.default[.keyHint])
        XCTAssertEqual(wide[2, 0].style, Theme.default[.text])
        var narrow = Canvas(width: 20, height: 1)
        bar.draw(in: &narrow, area: narrow.bounds, theme: .default)
        XCTAssertEqual(narrow.rows[0], "r run  x cancel     ")
    }

    /// A whole screen composed the way the app does it, at the three sizes views are tested at.
    func testComposedScreenAtStandardSizes() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 12)] {
            var c = Canvas(size: size)
            let rows = Rect(size: size).rows([.fill(), .length(1)])
            let cols = rows[0].columns([.percentage(50), .fill()])
            let left = Pane(title: "Code", focused: true).draw(in: &c, area: cols[0], theme: .default)
            let right = Pane(title: "Output").draw(in: &c, area: cols[1], theme: .default)
            TextView().draw(["print('hi')"], state: TextViewState(), in: &c, area: left)
            TextView().draw(["hi"], state: TextViewState(), in: &c, area: right)
            KeyHintBar([KeyHint("r", "run"), KeyHint("q", "quit")]).draw(in: &c, area: rows[1], theme: .default)
            XCTAssertEqual(c.rows.count, size.height)
            XCTAssertTrue(c.rows.allSatisfy { DisplayWidth.of($0) == size.width }, "\(size)")
            XCTAssertTrue(c.rows[0].hasPrefix("┏━ Code ━"), "\(size)")
            XCTAssertTrue(c.rows[1].hasPrefix("┃print('hi')"), "\(size)")
            XCTAssertEqual(c.rows[size.height - 1].prefix(12), "r run  q qui")
            XCTAssertEqual(c.rows[size.height - 2].last, "┘")
        }
    }
}
