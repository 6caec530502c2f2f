import XCTest
@testable import TerminalKit

final class KeyEventTests: XCTestCase {
    func testParsesCommonSpecs() throws {
        XCTAssertEqual(try KeyEvent(spec: "q"), .char("q"))
        XCTAssertEqual(try KeyEvent(spec: "Q"), .char("Q"))
        XCTAssertEqual(try KeyEvent(spec: "?"), .char("?"))
        XCTAssertEqual(try KeyEvent(spec: "-"), .char("-"))
        XCTAssertEqual(try KeyEvent(spec: "ctrl-s"), .ctrl("s"))
        XCTAssertEqual(try KeyEvent(spec: "Ctrl+S"), .ctrl("s"))
        XCTAssertEqual(try KeyEvent(spec: "C-w"), .ctrl("w"))
        XCTAssertEqual(try KeyEvent(spec: "alt-x"), .alt("x"))
        XCTAssertEqual(try KeyEvent(spec: "M-x"), .alt("x"))
        XCTAssertEqual(try KeyEvent(spec: "F5"), .function(5))
        XCTAssertEqual(try KeyEvent(spec: "f12"), .function(12))
        XCTAssertEqual(try KeyEvent(spec: "shift-tab"), .backTab)
        XCTAssertEqual(try KeyEvent(spec: "shift-a"), .char("A"))
        XCTAssertEqual(try KeyEvent(spec: "enter"), .enter)
        XCTAssertEqual(try KeyEvent(spec: "Esc"), .escape)
        XCTAssertEqual(try KeyEvent(spec: "pgdn"), .pageDown)
        XCTAssertEqual(try KeyEvent(spec: "PageUp"), .pageUp)
        XCTAssertEqual(try KeyEvent(spec: "space"), .char(" "))
        XCTAssertEqual(try KeyEvent(spec: "ctrl-space"), .ctrl(" "))
        XCTAssertEqual(try KeyEvent(spec: "ctrl--"), .ctrl("-"))
        XCTAssertEqual(try KeyEvent(spec: " del "), .delete)
    }

    func testRejectsBadSpecsWithTheSpecInTheMessage() {
        for bad in ["", "ctrl-", "hyper-x", "F13", "ctrl-alt-x", "ctrl-enter", "shift-up", "esc2"] {
            XCTAssertThrowsError(try KeyEvent(spec: bad), bad) { error in
                XCTAssertEqual((error as? KeySpecError)?.spec, bad)
                XCTAssertTrue(String(describing: error).contains("'\(bad)'"))
            }
        }
    }

    func testSpecRoundTrips() throws {
        let keys: [KeyEvent] = [
            .char("q"), .char("Q"), .char(" "), .char("-"), .ctrl("s"), .ctrl("-"), .alt("x"),
            .up, .down, .left, .right, .tab, .backTab, .enter, .escape, .backspace, .delete,
            .insert, .home, .end, .pageUp, .pageDown, .function(1), .function(12),
        ]
        for key in keys {
            XCTAssertEqual(try KeyEvent(spec: key.spec), key, key.spec)
        }
        XCTAssertEqual(KeyEvent.ctrl("s").spec, "ctrl-s")
        XCTAssertEqual(KeyEvent.backTab.spec, "shift-tab")
    }

    func testRawBytesMapToKeys() {
        XCTAssertEqual(KeyEvent(byte: 0x13), .ctrl("s"))
        XCTAssertEqual(KeyEvent(byte: 0x09), .tab)
        XCTAssertEqual(KeyEvent(byte: 0x0D), .enter)
        XCTAssertEqual(KeyEvent(byte: 0x7F), .backspace)
        XCTAssertEqual(KeyEvent(byte: 0x1B), .escape)
        XCTAssertEqual(KeyEvent(byte: 0x61), .char("a"))
        XCTAssertNil(KeyEvent(byte: 0x80))
    }

    func testMouseAndInputEvents() {
        let click = MouseEvent(.click(.left), x: 3, y: 4)
        XCTAssertEqual(InputEvent.mouse(click), .mouse(MouseEvent(.click(.left), x: 3, y: 4)))
        XCTAssertNotEqual(click, MouseEvent(.wheelDown, x: 3, y: 4))
    }
}
