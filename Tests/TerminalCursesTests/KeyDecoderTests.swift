import CNcurses
import TerminalKit
import XCTest
@testable import TerminalCurses

final class KeyDecoderTests: XCTestCase {
    private func key(_ raw: RawKey) -> KeyEvent? {
        if case .key(let k) = KeyDecoder.meaning(of: raw) { return k }
        return nil
    }

    func testPrintableCharactersIncludingWideAndAccented() {
        XCTAssertEqual(key(.character(UInt32(UInt8(ascii: "q")))), .char("q"))
        XCTAssertEqual(key(.character(UInt32(UInt8(ascii: "Q")))), .char("Q"))
        XCTAssertEqual(key(.character(0x20)), .char(" "))
        XCTAssertEqual(key(.character(0xE9)), .char("é"))
        XCTAssertEqual(key(.character(0x4E2D)), .char("中"))
    }

    func testControlCharactersAreCtrlKeysSoCtrlCIsAnEvent() {
        XCTAssertEqual(key(.character(0x03)), .ctrl("c"))
        XCTAssertEqual(key(.character(0x13)), .ctrl("s"))
        XCTAssertEqual(key(.character(0x1A)), .ctrl("z"))
        XCTAssertEqual(key(.character(0x00)), .ctrl(" "))
        XCTAssertEqual(key(.character(0x09)), .tab)
    }

    func testEnterAndBackspaceInEveryEncoding() {
        XCTAssertEqual(key(.character(10)), .enter)
        XCTAssertEqual(key(.character(13)), .enter)
        XCTAssertEqual(key(.keyCode(KEY_ENTER)), .enter)
        XCTAssertEqual(key(.character(127)), .backspace)
        XCTAssertEqual(key(.character(8)), .backspace)
        XCTAssertEqual(key(.keyCode(KEY_BACKSPACE)), .backspace)
    }

    func testKeypadCodes() {
        let table: [(Int32, KeyEvent)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_BTAB, .backTab), (KEY_HOME, .home), (KEY_END, .end),
            (KEY_NPAGE, .pageDown), (KEY_PPAGE, .pageUp), (KEY_DC, .delete), (KEY_IC, .insert),
        ]
        for (code, expected) in table {
            XCTAssertEqual(key(.keyCode(code)), expected, "\(code)")
        }
    }

    func testFunctionKeysOneToTwelve() {
        for n in 1...12 {
            XCTAssertEqual(key(.keyCode(cn_key_f(Int32(n)))), .function(n))
        }
        XCTAssertEqual(KeyDecoder.meaning(of: .keyCode(cn_key_f(13))), .ignored)
    }

    func testResizeAndMouseNeedFollowUpCalls() {
        XCTAssertEqual(KeyDecoder.meaning(of: .keyCode(KEY_RESIZE)), .resize)
        XCTAssertEqual(KeyDecoder.meaning(of: .keyCode(KEY_MOUSE)), .mouse)
    }

    func testC1ControlsAndUnknownCodesAreIgnored() {
        XCTAssertEqual(KeyDecoder.meaning(of: .character(0x9B)), .ignored)
        XCTAssertEqual(KeyDecoder.meaning(of: .character(0xD800)), .ignored)  // not a scalar
        XCTAssertEqual(KeyDecoder.meaning(of: .keyCode(KEY_SLEFT)), .ignored)
    }

    func testEscapeAloneIsEscape() {
        XCTAssertEqual(KeyDecoder.meaning(of: .character(27)), .escape)
        let r = KeyDecoder.escape(followedBy: nil)
        XCTAssertEqual(r.key, .escape)
        XCTAssertFalse(r.consumedNext)
    }

    func testEscapeThenCharacterIsAlt() {
        let r = KeyDecoder.escape(followedBy: .character(UInt32(UInt8(ascii: "x"))))
        XCTAssertEqual(r.key, .alt("x"))
        XCTAssertTrue(r.consumedNext)
        XCTAssertEqual(KeyDecoder.escape(followedBy: .character(UInt32(UInt8(ascii: "X")))).key, .alt("X"))
    }

    func testEscapeThenKeyLeavesTheKeyForTheNextRead() {
        for next: RawKey in [.keyCode(KEY_UP), .character(27), .character(13), .character(0x7F)] {
            let r = KeyDecoder.escape(followedBy: next)
            XCTAssertEqual(r.key, .escape, "\(next)")
            XCTAssertFalse(r.consumedNext, "\(next)")
        }
    }
}
