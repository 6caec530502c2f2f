import NetworkPolicy
import XCTest

/// Every spelling the resolver accepts for one host comes out as one canonical name, so a deny
/// rule written for the usual spelling holds for all of them.
final class CanonicalHostTests: XCTestCase {
    func testNamesAreLowercasedWithoutTheTrailingDot() {
        XCTAssertEqual(CanonicalHost.of("DENIED.test"), "denied.test")
        XCTAssertEqual(CanonicalHost.of("Denied.Test."), "denied.test")
        XCTAssertEqual(CanonicalHost.of("example.com"), "example.com")
        XCTAssertEqual(CanonicalHost.of("."), ".")
    }

    func testEveryNumericIPv4SpellingBecomesTheDottedQuad() {
        let spellings = ["172.17.0.1", "2886795265", "0xac110001", "0XAC110001", "0254.021.0.1", "0xac.0x11.0.1",
                         "172.17.1", "172.1114113", "0xac.17.1", "172.17.0.1.", "0000254.17.0.01"]
        for spelling in spellings {
            XCTAssertEqual(CanonicalHost.of(spelling), "172.17.0.1", spelling)
        }
        XCTAssertEqual(CanonicalHost.of("127.1"), "127.0.0.1")
        XCTAssertEqual(CanonicalHost.of("0"), "0.0.0.0")
        XCTAssertEqual(CanonicalHost.of("0x00000000000000000001"), "0.0.0.1")
    }

    func testTextThatIsNoIPv4AddressStaysAName() {
        for name in ["256.1.1.1", "1.2.3.4.5", "4294967296", "08.1.1.1", "0x", "1..2", "+1.2.3.4", "1.2.3.-4", "1.2.3.4 ", "0x1g",
                     "172.17.0.1.example", "99999999999999999999999"] {
            XCTAssertEqual(CanonicalHost.of(name), name.lowercased(), name)
        }
    }

    func testIPv4MappedIPv6BecomesTheIPv4Address() {
        XCTAssertEqual(CanonicalHost.of("::ffff:172.17.0.1"), "172.17.0.1")
        XCTAssertEqual(CanonicalHost.of("::FFFF:ac11:1"), "172.17.0.1")
        XCTAssertEqual(CanonicalHost.of("0:0:0:0:0:ffff:172.17.0.1"), "172.17.0.1")
    }

    func testOtherIPv6TakesItsCompressedForm() {
        XCTAssertEqual(CanonicalHost.of("0:0:0:0:0:0:0:1"), "::1")
        XCTAssertEqual(CanonicalHost.of("FE80:0000::0001"), "fe80::1")
        XCTAssertEqual(CanonicalHost.of("fe80::1%eth0"), "fe80::1%eth0")
    }

    func testRulesJudgeTheCanonicalHost() throws {
        let rules = try NetworkRules.validated(whitelist: [], blacklist: ["^denied\\.test$", "^172\\.17\\.0\\.1$", "^::1$"])
        for host in ["DENIED.test", "denied.test.", "2886795265", "0xac110001", "172.17.1", "::ffff:172.17.0.1", "0::1"] {
            XCTAssertEqual(rules.evaluate(host), .block, host)
        }
        XCTAssertEqual(rules.evaluate("allowed.test"), .allow)
        let upperCasePattern = try NetworkRules.validated(whitelist: ["^API\\.example\\.com$"], blacklist: [])
        XCTAssertEqual(upperCasePattern.evaluate("api.example.com"), .allow)
    }

    func testLogLineKeepsTheRequestedHostAndAddsTheMatchedOne() throws {
        let record = NetworkLogRecord(timestamp: "t", method: "GET", host: "0xac110001", matchedHost: "172.17.0.1", path: "/",
                                      action: .block, durationMs: 0)
        XCTAssertEqual(record.jsonLine(),
                       #"{"timestamp":"t","method":"GET","host":"0xac110001","path":"/","action":"BLOCK","durationMs":0,"matchedHost":"172.17.0.1"}"#)
        XCTAssertEqual(NetworkLogRecord.decode(line: record.jsonLine()), record)
        let original = NetworkLogRecord(timestamp: "t", method: "GET", host: "a", path: "/", action: .allow, durationMs: 1)
        XCTAssertFalse(original.jsonLine().contains("matchedHost"))
    }
}
