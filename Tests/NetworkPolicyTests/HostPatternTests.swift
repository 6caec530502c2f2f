import NetworkPolicy
import XCTest

/// `HostPattern` must behave like the original's `grep -E` (POSIX extended regex, unanchored, no
/// JavaScript syntax) except for letter case, which host names ignore.
final class HostPatternTests: XCTestCase {
    private func matches(_ pattern: String, _ host: String, file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        try HostPattern(pattern).matches(host)
    }

    func testSearchIsUnanchored() throws {
        XCTAssertTrue(try matches("example", "api.example.com"))
        XCTAssertTrue(try matches("com", "example.com"))
        XCTAssertFalse(try matches("example", "exampl.com"))
    }

    func testAnchorsMakeExactMatches() throws {
        XCTAssertTrue(try matches("^example\\.com$", "example.com"))
        XCTAssertFalse(try matches("^example\\.com$", "api.example.com"))
        XCTAssertFalse(try matches("^example\\.com$", "example.com.evil.net"))
        XCTAssertTrue(try matches("\\.example\\.com$", "api.example.com"))
        XCTAssertFalse(try matches("\\.example\\.com$", "example.com"))
    }

    func testEscapedDotIsLiteralAndBareDotIsAnyCharacter() throws {
        XCTAssertFalse(try matches("^a\\.b$", "axb"))
        XCTAssertTrue(try matches("^a\\.b$", "a.b"))
        XCTAssertTrue(try matches("^a.b$", "axb"))
    }

    func testAlternationAndGroups() throws {
        let pattern = "^(pypi|files\\.pythonhosted)\\.org$"
        XCTAssertTrue(try matches(pattern, "pypi.org"))
        XCTAssertTrue(try matches(pattern, "files.pythonhosted.org"))
        XCTAssertFalse(try matches(pattern, "evilpypi.org"))
        XCTAssertTrue(try matches("a|b", "b"))
    }

    func testBracketExpressionsAndIntervals() throws {
        XCTAssertTrue(try matches("^[a-z]+[0-9]{2}\\.net$", "host42.net"))
        XCTAssertFalse(try matches("^[a-z]+[0-9]{2}\\.net$", "host4.net"))
        XCTAssertTrue(try matches("^[[:digit:]]+$", "12345"))
        XCTAssertFalse(try matches("^[[:digit:]]+$", "12a45"))
        XCTAssertTrue(try matches("^[^.]+\\.com$", "example.com"))
        XCTAssertFalse(try matches("^[^.]+\\.com$", "a.example.com"))
    }

    func testMatchingIgnoresLetterCaseLikeTheResolver() throws {
        XCTAssertTrue(try matches("^example\\.com$", "EXAMPLE.com"))
        XCTAssertTrue(try matches("Example", "example.com"))
        XCTAssertFalse(try matches("^EXAMPLE\\.org", "example.com"))
    }

    func testNonCapturingGroupIsInvalid() {
        XCTAssertThrowsError(try HostPattern("^(?:api)\\.example\\.com$")) { error in
            XCTAssertEqual((error as? InvalidPatternError)?.pattern, "^(?:api)\\.example\\.com$")
        }
    }

    func testBackslashDIsALiteralDNotADigit() throws {
        // POSIX has no \d class: glibc reads it as a plain "d".
        XCTAssertFalse(try matches("^\\d+$", "123"))
        XCTAssertTrue(try matches("^\\d+$", "ddd"))
    }

    func testEscapesKeepTheirMeaningWhenCaseIsIgnored() throws {
        XCTAssertTrue(try matches("^\\d+$", "DDD"))
        XCTAssertTrue(try matches("^\\X\\.\\x$", "x.X"))
        XCTAssertTrue(try matches("^a\\.b$", "A.B"))
        XCTAssertFalse(try matches("^a\\.b$", "AxB"))
        XCTAssertTrue(try matches("^\\w+\\W\\w+$", "Api.Test"))
        XCTAssertFalse(try matches("^\\W$", "a"))
        XCTAssertTrue(try matches("^[\\d]$", "\\"), "a backslash in brackets is a member")
        XCTAssertTrue(try matches("^[]\\d]+$", "]\\"))
        XCTAssertTrue(try matches("^[[:upper:]]+$", "abc"))
    }

    func testUnbalancedAndDanglingPatternsAreInvalid() {
        for pattern in ["(", "[a-", "*.example.com", "a{1", "+x"] {
            XCTAssertThrowsError(try HostPattern(pattern), pattern)
        }
    }

    func testInvalidPatternMessageNamesPatternAndReason() {
        XCTAssertThrowsError(try HostPattern("(unclosed")) { error in
            guard let invalid = error as? InvalidPatternError else { return XCTFail("wrong error \(error)") }
            XCTAssertTrue(invalid.message.hasPrefix("Invalid network filter pattern: \"(unclosed\""), invalid.message)
            XCTAssertFalse(invalid.reason.isEmpty)
            XCTAssertTrue(invalid.message.contains(invalid.reason))
            XCTAssertEqual("\(invalid)", invalid.message)
        }
    }

    func testEmptyPatternMatchesEverything() throws {
        // As with `grep -E ''`: an empty expression matches every line.
        XCTAssertTrue(try matches("", "anything.example"))
    }

    func testPatternWithNulByteIsRejected() {
        XCTAssertThrowsError(try HostPattern("a\u{0}b"))
    }

    func testSourceIsKept() throws {
        XCTAssertEqual(try HostPattern("^x$").source, "^x$")
        XCTAssertEqual(try HostPattern("^x$"), try HostPattern("^x$"))
    }
}
