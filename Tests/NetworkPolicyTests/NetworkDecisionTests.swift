import NetworkPolicy
import XCTest

/// Which rule decided a verdict: the field the proxy logs and `:test-host` shows.
final class NetworkDecisionTests: XCTestCase {
    private func decide(allow: [String], deny: [String], _ host: String) throws -> NetworkDecision {
        try NetworkRules.validated(whitelist: allow, blacklist: deny).decide(host)
    }

    func testTheFirstMatchingDenyRuleIsNamedEvenWhenAnAllowRuleMatches() throws {
        let decision = try decide(allow: ["^allowed"], deny: ["^nothing$", "^allow"], "allowed.test")
        XCTAssertEqual(decision, .denied(index: 1, pattern: "^allow"))
        XCTAssertEqual(decision.logText, "deny 2 ^allow")
        XCTAssertEqual(decision.action, .block)
    }

    func testAnAllowRuleIsNamedWhenNoDenyRuleMatches() throws {
        let decision = try decide(allow: ["^a\\.test$", "\\.test$"], deny: ["^evil"], "b.test")
        XCTAssertEqual(decision, .allowed(index: 1, pattern: "\\.test$"))
        XCTAssertEqual(decision.logText, "allow 2 \\.test$")
    }

    func testTheDefaultsAreNamedToo() throws {
        XCTAssertEqual(try decide(allow: ["^a$"], deny: [], "b"), .notAllowlisted)
        XCTAssertEqual(try decide(allow: [], deny: ["^a$"], "b"), .allowedByEmptyAllowlist)
        XCTAssertEqual(NetworkDecision.notAllowlisted.logText, "not-allowlisted")
        XCTAssertEqual(NetworkDecision.allowedByEmptyAllowlist.action, .allow)
        XCTAssertEqual(try decide(allow: [], deny: [], "a\u{0}b"), .invalidHost)
    }

    func testTheCanonicalHostIsJudged() throws {
        XCTAssertEqual(try decide(allow: [], deny: ["^denied\\.test$"], "DENIED.test"), .denied(index: 0, pattern: "^denied\\.test$"))
    }

    func testTheRuleTravelsInTheLogLineAndOldLinesHaveNone() throws {
        let record = NetworkLogRecord(timestamp: "t", method: "GET", host: "h", path: "/", action: .block, durationMs: 0,
                                      rule: "deny 1 ^h")
        XCTAssertTrue(record.jsonLine().hasSuffix(#","rule":"deny 1 ^h"}"#), record.jsonLine())
        XCTAssertEqual(NetworkLogRecord.decode(line: record.jsonLine())?.rule, "deny 1 ^h")
        let original = #"{"timestamp":"t","method":"GET","host":"h","path":"/","action":"BLOCK","durationMs":0}"#
        XCTAssertNil(NetworkLogRecord.decode(line: original)?.rule)
    }
}
