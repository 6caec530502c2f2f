import Foundation
import Isol8TestSupport
import NetworkPolicy
import XCTest

/// The real `isol8-proxy` against origin servers on 127.0.0.1 (compat §3.5, §3.6).
///
/// `localhost` and `127.0.0.1` reach the same loopback server, so `^localhost$` against
/// `^127\.0\.0\.1$` tells allow and deny apart without any outside host.
final class ProxyFilteringTests: XCTestCase {
    private var upstream: LoopbackHTTPServer!

    override func setUpWithError() throws {
        upstream = try LoopbackHTTPServer()
    }

    override func tearDown() {
        upstream.stop()
    }

    private func proxy(allow: [String]? = nil, deny: [String]? = nil) throws -> ProxyProcess {
        var environment: [String: String] = [:]
        if let allow { environment["ISOL8_WHITELIST"] = PatternList.encodeJSON(allow) }
        if let deny { environment["ISOL8_BLACKLIST"] = PatternList.encodeJSON(deny) }
        return try ProxyProcess(environment: environment)
    }

    private func networkRecords(_ proxy: ProxyProcess) -> [NetworkLogRecord] {
        NetworkLogRecord.decodeAll(proxy.networkLog)
    }

    func testAllowedGetIsRelayedAndLogged() throws {
        let proxy = try proxy(allow: ["^localhost$"])
        let response = try ProxyExchange.get("http://localhost:\(upstream.port)/hello?x=1", host: "localhost",
                                             proxyPort: proxy.port)
        XCTAssertEqual(response.statusLine, "HTTP/1.1 200 OK")
        XCTAssertEqual(response.body, "upstream saw GET /hello?x=1 body=0")
        XCTAssertEqual(upstream.requests.first?.requestLine, "GET /hello?x=1 HTTP/1.1")

        let records = networkRecords(proxy)
        XCTAssertEqual(records.count, 1, proxy.networkLog)
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(record.method, "GET")
        XCTAssertEqual(record.host, "localhost")
        XCTAssertEqual(record.path, "/hello?x=1")
        XCTAssertEqual(record.action, .allow)
        XCTAssertGreaterThanOrEqual(record.durationMs, 0)
        XCTAssertTrue(proxy.networkLog.hasSuffix("}\n"))
        XCTAssertEqual(proxy.securityEvents, "")
    }

    func testPathDefaultsToSlash() throws {
        let proxy = try proxy()
        let response = try ProxyExchange.get("http://127.0.0.1:\(upstream.port)", host: "127.0.0.1", proxyPort: proxy.port)
        XCTAssertEqual(response.body, "upstream saw GET / body=0")
        XCTAssertEqual(networkRecords(proxy).first?.path, "/")
    }

    func testDeniedHostGets403AndBlockLogAndSecurityEvent() throws {
        let proxy = try proxy(deny: ["^127\\.0\\.0\\.1$"])
        let response = try ProxyExchange.get("http://127.0.0.1:\(upstream.port)/secret", host: "127.0.0.1",
                                             proxyPort: proxy.port)
        let body = "isol8: request to 127.0.0.1 blocked by network filter"
        XCTAssertEqual(response.statusLine, "HTTP/1.1 403 Forbidden")
        XCTAssertEqual(response.headerLines, ["Content-Type: text/plain", "Content-Length: \(body.utf8.count)"])
        XCTAssertEqual(response.body, body)
        XCTAssertTrue(upstream.requests.isEmpty, "a blocked request must not reach upstream")

        let record = try XCTUnwrap(networkRecords(proxy).first)
        XCTAssertEqual(record.action, .block)
        XCTAssertEqual(record.path, "/secret")
        XCTAssertEqual(record.durationMs, 0)
        let events = SecurityEventRecord.decodeAll(proxy.securityEvents)
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(events.first?.type, "network_blocked")
        XCTAssertEqual(events.first?.method, "GET")
        XCTAssertEqual(events.first?.host, "127.0.0.1")
        XCTAssertEqual(events.first?.reason, "filter_mismatch")
    }

    func testDenyShadowsAllow() throws {
        let proxy = try proxy(allow: ["^localhost$"], deny: ["^local"])
        let response = try ProxyExchange.get("http://localhost:\(upstream.port)/", host: "localhost", proxyPort: proxy.port)
        XCTAssertEqual(response.statusLine, "HTTP/1.1 403 Forbidden")
        XCTAssertEqual(response.body, "isol8: request to localhost blocked by network filter")
    }

    func testWhitelistWithoutMatchBlocksAndMatchAllows() throws {
        let proxy = try proxy(allow: ["^localhost$"])
        let denied = try ProxyExchange.get("http://127.0.0.1:\(upstream.port)/", host: "127.0.0.1", proxyPort: proxy.port)
        XCTAssertEqual(denied.statusLine, "HTTP/1.1 403 Forbidden")
        let allowed = try ProxyExchange.get("http://localhost:\(upstream.port)/", host: "localhost", proxyPort: proxy.port)
        XCTAssertEqual(allowed.statusLine, "HTTP/1.1 200 OK")
        XCTAssertEqual(networkRecords(proxy).map(\.action), [.block, .allow])
    }

    func testEachLogLineNamesTheRuleThatDecided() throws {
        let filtered = try proxy(allow: ["^localhost$"], deny: ["^nothing$", "^127\\.0\\.0\\.1$"])
        for host in ["127.0.0.1", "localhost"] {
            _ = try ProxyExchange.get("http://\(host):\(upstream.port)/", host: host, proxyPort: filtered.port)
        }
        XCTAssertEqual(networkRecords(filtered).map(\.rule), ["deny 2 ^127\\.0\\.0\\.1$", "allow 1 ^localhost$"])
        let allowOnly = try proxy(allow: ["^localhost$"])
        _ = try ProxyExchange.get("http://127.0.0.1:\(upstream.port)/", host: "127.0.0.1", proxyPort: allowOnly.port)
        XCTAssertEqual(networkRecords(allowOnly).map(\.rule), ["not-allowlisted"])
        let open = try proxy()
        _ = try ProxyExchange.get("http://127.0.0.1:\(upstream.port)/", host: "127.0.0.1", proxyPort: open.port)
        XCTAssertEqual(networkRecords(open).map(\.rule), ["empty-allowlist"])
    }

    /// The TUI's `:test-host` is tested on the same combinations against `NetworkRules.decide`.
    func testTheLoggedRuleIsTheDecisionOfTheRulesOnTwentyCombinations() throws {
        let closed = try LoopbackSocket.closedPort()
        for rules in HostRuleCombinations.ruleSets {
            let proxy = try proxy(allow: rules.allow, deny: rules.deny)
            for host in HostRuleCombinations.hosts {
                _ = try ProxyExchange.send("CONNECT \(host):\(closed) HTTP/1.1\r\nHost: \(host):\(closed)\r\n\r\n",
                                           proxyPort: proxy.port)
            }
            let expected = try HostRuleCombinations.hosts.map {
                try NetworkRules.validated(whitelist: rules.allow, blacklist: rules.deny).decide($0)
            }
            let records = networkRecords(proxy)
            XCTAssertEqual(records.map(\.rule), expected.map(\.logText), "allow \(rules.allow) deny \(rules.deny)")
            XCTAssertEqual(records.map(\.action), expected.map(\.action), "allow \(rules.allow) deny \(rules.deny)")
        }
    }

    func testEmptyWhitelistAllows() throws {
        let proxy = try proxy(allow: [], deny: [])
        let response = try ProxyExchange.get("http://127.0.0.1:\(upstream.port)/", host: "127.0.0.1", proxyPort: proxy.port)
        XCTAssertEqual(response.statusLine, "HTTP/1.1 200 OK")
    }

    func testUpstreamDownGives502WithoutLog() throws {
        let proxy = try proxy()
        let closed = try LoopbackSocket.closedPort()
        let response = try ProxyExchange.get("http://127.0.0.1:\(closed)/", host: "127.0.0.1", proxyPort: proxy.port)
        let body = "isol8: proxy error: connection to 127.0.0.1:\(closed) failed"
        XCTAssertEqual(response.statusLine, "HTTP/1.1 502 Bad Gateway")
        XCTAssertEqual(response.headerLines, ["Content-Type: text/plain", "Content-Length: \(body.utf8.count)"])
        XCTAssertEqual(response.body, body)
        XCTAssertEqual(proxy.networkLog, "")
    }

    func testNonNumericPortGives502NamingIt() throws {
        let proxy = try proxy()
        let response = try ProxyExchange.get("http://127.0.0.1:http/", host: "127.0.0.1", proxyPort: proxy.port)
        XCTAssertEqual(response.statusLine, "HTTP/1.1 502 Bad Gateway")
        XCTAssertEqual(response.body, "isol8: proxy error: connection to 127.0.0.1:http failed")
    }

    func testUserInfoInURLDoesNotDisguiseTheHost() throws {
        // The host judged must be the host reached: "localhost@" is credentials, not the host.
        let proxy = try proxy(allow: ["^localhost$"])
        let response = try ProxyExchange.get("http://localhost@127.0.0.1:\(upstream.port)/", host: "127.0.0.1",
                                             proxyPort: proxy.port)
        XCTAssertEqual(response.statusLine, "HTTP/1.1 403 Forbidden")
        XCTAssertEqual(response.body, "isol8: request to 127.0.0.1 blocked by network filter")
        XCTAssertTrue(upstream.requests.isEmpty)
    }

    func testProxyHeadersAreNotForwardedOthersAre() throws {
        let proxy = try proxy()
        _ = try ProxyExchange.get("http://127.0.0.1:\(upstream.port)/h", host: "127.0.0.1", proxyPort: proxy.port,
                                  extraHeaders: ["Proxy-Authorization: Basic c2VjcmV0", "proxy-connection: keep-alive",
                                                 "X-Custom: kept", "Authorization: Bearer origin-token"])
        let headers = try XCTUnwrap(upstream.requests.first).headerLines
        XCTAssertEqual(headers, ["Host: 127.0.0.1", "X-Custom: kept", "Authorization: Bearer origin-token"])
    }

    func testPostBodyIsForwardedExactly() throws {
        let proxy = try proxy()
        let body = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let head = "POST http://127.0.0.1:\(upstream.port)/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Length: \(body.count)\r\n\r\n"
        let response = try ProxyExchange.send(Array(head.utf8) + body, proxyPort: proxy.port)
        XCTAssertEqual(response.body, "upstream saw POST /upload body=\(body.count)")
        XCTAssertEqual(upstream.requests.first?.body, body)
        XCTAssertEqual(networkRecords(proxy).first?.method, "POST")
    }

    func testTwentyConcurrentRequestsAllSucceed() throws {
        let proxy = try proxy(allow: ["^127\\.0\\.0\\.1$"])
        let port = upstream.port
        let results = ConcurrentResults(count: 20)
        DispatchQueue.concurrentPerform(iterations: 20) { i in
            let response = try? ProxyExchange.get("http://127.0.0.1:\(port)/n\(i)", host: "127.0.0.1", proxyPort: proxy.port)
            results.set(i, response?.body)
        }
        for i in 0..<20 {
            XCTAssertEqual(results.values[i], "upstream saw GET /n\(i) body=0")
        }
        let records = networkRecords(proxy)
        XCTAssertEqual(records.count, 20)
        XCTAssertEqual(Set(records.compactMap(\.path)), Set((0..<20).map { "/n\($0)" }))
    }

    func testStateDirectoryHoldsPatternFilesAndEmptyLogs() throws {
        let proxy = try proxy(allow: ["^a\\.com$", "^b\\.org$"], deny: ["evil"])
        XCTAssertEqual(proxy.file("whitelist"), "^a\\.com$\n^b\\.org$\n")
        XCTAssertEqual(proxy.file("blacklist"), "evil\n")
        XCTAssertEqual(proxy.networkLog, "")
        XCTAssertEqual(proxy.securityEvents, "")
    }

    func testRulesFromFilesAddToEnvironmentRules() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("deny-\(UUID().uuidString)")
        try "^127\\.0\\.0\\.1$\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let proxy = try ProxyProcess(environment: [:], arguments: ["--blacklist-file", file.path])
        let response = try ProxyExchange.get("http://127.0.0.1:\(upstream.port)/", host: "127.0.0.1", proxyPort: proxy.port)
        XCTAssertEqual(response.statusLine, "HTTP/1.1 403 Forbidden")
    }
}

/// Results written by concurrent workers, one slot each.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: String?) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }
    var values: [String?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
