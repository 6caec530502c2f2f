import XCTest
@testable import TerminalKit

final class TextInputTests: XCTestCase {
    private func type(_ text: String, into input: inout TextInput) {
        for c in text { XCTAssertEqual(input.handle(.char(c)), .handled) }
    }

    func testTypingInsertsAtCursor() {
        var input = TextInput()
        type("helo", into: &input)
        _ = input.handle(.left)
        type("l", into: &input)
        XCTAssertEqual(input.text, "hello")
        XCTAssertEqual(input.cursor, 4)
    }

    func testHomeEndBackspaceDelete() {
        var input = TextInput(text: "abcdef")
        _ = input.handle(.home)
        _ = input.handle(.delete)
        XCTAssertEqual(input.text, "bcdef")
        _ = input.handle(.backspace)
        XCTAssertEqual(input.text, "bcdef", "backspace at start does nothing")
        _ = input.handle(.end)
        _ = input.handle(.backspace)
        XCTAssertEqual(input.text, "bcde")
        _ = input.handle(.delete)
        XCTAssertEqual(input.text, "bcde", "delete at end does nothing")
        _ = input.handle(.right)
        XCTAssertEqual(input.cursor, 4, "cursor cannot pass the end")
    }

    func testCtrlUDeletesToStartOfLine() {
        var input = TextInput(text: "hello world")
        for _ in 0..<5 { _ = input.handle(.left) }
        XCTAssertEqual(input.handle(.ctrl("u")), .handled)
        XCTAssertEqual(input.text, "world")
        XCTAssertEqual(input.cursor, 0)
    }

    func testCtrlWDeletesPreviousWordAndTrailingSpaces() {
        var input = TextInput(text: "docker run  --rm  ")
        _ = input.handle(.ctrl("w"))
        XCTAssertEqual(input.text, "docker run  ")
        _ = input.handle(.ctrl("w"))
        XCTAssertEqual(input.text, "docker ")
        _ = input.handle(.ctrl("w"))
        _ = input.handle(.ctrl("w"))
        XCTAssertEqual(input.text, "")
    }

    func testEditingWorksOnGraphemesNotBytes() {
        var input = TextInput(text: "a中e\u{301}")
        XCTAssertEqual(input.cursor, 3)
        _ = input.handle(.backspace)
        XCTAssertEqual(input.text, "a中")
        _ = input.handle(.left)
        _ = input.handle(.delete)
        XCTAssertEqual(input.text, "a")
    }

    func testPasteDropsControlsAndFlattensLines() {
        var input = TextInput()
        input.insert("a\u{1B}[31mb\nc\td")
        XCTAssertEqual(input.text, "a[31mb c d")
    }

    func testSubmitRecordsHistoryAndArrowsRecallIt() {
        var input = TextInput()
        type("first", into: &input)
        XCTAssertEqual(input.handle(.enter), .submitted("first"))
        XCTAssertEqual(input.text, "")
        type("second", into: &input)
        _ = input.handle(.enter)
        type("second", into: &input)
        _ = input.handle(.enter)
        XCTAssertEqual(input.history, ["first", "second"], "repeats are not stored twice")

        type("draft", into: &input)
        _ = input.handle(.up)
        XCTAssertEqual(input.text, "second")
        _ = input.handle(.up)
        XCTAssertEqual(input.text, "first")
        _ = input.handle(.up)
        XCTAssertEqual(input.text, "first", "stays at the oldest entry")
        _ = input.handle(.down)
        XCTAssertEqual(input.text, "second")
        _ = input.handle(.down)
        XCTAssertEqual(input.text, "draft", "the unsent text comes back")
    }

    func testHistoryLimitDropsOldest() {
        var input = TextInput(historyLimit: 2)
        for word in ["a", "b", "c"] {
            input.text = word
            _ = input.submit()
        }
        XCTAssertEqual(input.history, ["b", "c"])
    }

    func testEscapeCancelsAndOtherKeysAreIgnored() {
        var input = TextInput(text: "x")
        XCTAssertEqual(input.handle(.escape), .cancelled)
        XCTAssertEqual(input.handle(.function(5)), .ignored)
        XCTAssertEqual(input.text, "x")
    }

    func testDrawScrollsToKeepCursorVisible() {
        var c = Canvas(width: 8, height: 1)
        var input = TextInput(text: "abcdefghij")
        let x = input.draw(in: &c, area: c.bounds, prompt: "/")
        XCTAssertEqual(c.rows, ["defghij "], "scrolled so the cursor sits in the last column")
        XCTAssertEqual(x, 7)
        XCTAssertTrue(c[7, 0].style.attributes.contains(.reverse))

        _ = input.handle(.home)
        var d = Canvas(width: 8, height: 1)
        let hx = input.draw(in: &d, area: d.bounds, prompt: "/")
        XCTAssertEqual(d.rows, ["/abcdefg"])
        XCTAssertEqual(hx, 1)
        XCTAssertTrue(d[1, 0].style.attributes.contains(.reverse))
        XCTAssertFalse(d[2, 0].style.attributes.contains(.reverse))
    }
}
