import NetworkPolicy
import XCTest

/// The rule evaluation table of compat §3.4.
final class NetworkRulesTests: XCTestCase {
    private func verdict(allow: [String], deny: [String], _ host: String) throws -> NetworkAction {
        try NetworkRules.validated(whitelist: allow, blacklist: deny).evaluate(host)
    }

    func testNoRulesAllowsEverything() throws {
        XCTAssertEqual(try verdict(allow: [], deny: [], "example.com"), .allow)
        XCTAssertEqual(NetworkRules.allowAll.evaluate("anything"), .allow)
    }

    func testEvaluationTable() throws {
        struct Row {
            let allow: [String], deny: [String], host: String, expected: NetworkAction
        }
        let rows = [
            Row(allow: ["^example\\.com$"], deny: [], host: "example.com", expected: .allow),
            Row(allow: ["^example\\.com$"], deny: [], host: "other.com", expected: .block),
            Row(allow: [], deny: ["evil"], host: "evil.com", expected: .block),
            Row(allow: [], deny: ["evil"], host: "good.com", expected: .allow),
            Row(allow: ["\\.com$"], deny: ["^evil\\."], host: "evil.com", expected: .block),
            Row(allow: ["\\.com$"], deny: ["^evil\\."], host: "good.com", expected: .allow),
            Row(allow: ["^a$", "^b$"], deny: [], host: "b", expected: .allow),
            Row(allow: ["^a$", "^b$"], deny: [], host: "c", expected: .block),
            Row(allow: [], deny: ["^a$", "^b$"], host: "b", expected: .block),
            Row(allow: ["^localhost$"], deny: ["^127\\.0\\.0\\.1$"], host: "127.0.0.1", expected: .block),
        ]
        for row in rows {
            XCTAssertEqual(try verdict(allow: row.allow, deny: row.deny, row.host), row.expected,
                           "allow \(row.allow) deny \(row.deny) host \(row.host)")
        }
    }

    func testDenyShadowsAllowOfTheSameHost() throws {
        XCTAssertEqual(try verdict(allow: ["^example\\.com$"], deny: ["^example\\.com$"], "example.com"), .block)
    }

    func testNonEmptyWhitelistWithoutMatchBlocks() throws {
        XCTAssertEqual(try verdict(allow: ["^only\\.this$"], deny: [], "localhost"), .block)
    }

    func testValidationRejectsTheFirstInvalidPattern() {
        XCTAssertThrowsError(try NetworkRules.validated(whitelist: ["^ok$"], blacklist: ["(?:bad)"])) { error in
            XCTAssertEqual((error as? InvalidPatternError)?.pattern, "(?:bad)")
        }
        XCTAssertThrowsError(try NetworkRules.validated(whitelist: ["[bad"], blacklist: [])) { error in
            XCTAssertEqual((error as? InvalidPatternError)?.pattern, "[bad")
        }
    }

    func testHostWithNulByteIsBlockedEvenWithoutRules() {
        XCTAssertEqual(NetworkRules.allowAll.evaluate("good.com\u{0}evil"), .block)
    }
}
