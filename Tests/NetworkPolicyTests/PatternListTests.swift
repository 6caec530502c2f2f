import NetworkPolicy
import XCTest

final class PatternListTests: XCTestCase {
    func testDecodesJSONArrayWithEscapedBackslashes() throws {
        XCTAssertEqual(try PatternList.decodeJSON(#"["^example\\.com$","^api\\."]"#), ["^example\\.com$", "^api\\."])
    }

    func testEmptyTextAndEmptyArrayAreNoPatterns() throws {
        XCTAssertEqual(try PatternList.decodeJSON(""), [])
        XCTAssertEqual(try PatternList.decodeJSON("[]"), [])
        XCTAssertEqual(try PatternList.decodeJSON(" [ ] "), [])
    }

    func testRejectsNonArraysAndNonStrings() {
        XCTAssertThrowsError(try PatternList.decodeJSON(#"{"a":1}"#))
        XCTAssertThrowsError(try PatternList.decodeJSON("[1]"))
        XCTAssertThrowsError(try PatternList.decodeJSON(#"["unterminated]"#))
        XCTAssertThrowsError(try PatternList.decodeJSON("^bare$"))
    }

    func testJSONRoundTrip() throws {
        let patterns = ["^a\\.b$", "quote\"d", "uni\u{e9}"]
        XCTAssertEqual(try PatternList.decodeJSON(PatternList.encodeJSON(patterns)), patterns)
    }

    func testLinesFormat() {
        XCTAssertEqual(PatternList.encodeLines(["^a$", "b"]), "^a$\nb\n")
        XCTAssertEqual(PatternList.encodeLines([]), "")
        XCTAssertEqual(PatternList.decodeLines("^a$\r\n\nb\n"), ["^a$", "b"])
    }
}
