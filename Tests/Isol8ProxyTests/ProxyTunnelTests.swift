import Foundation
import NetworkPolicy
import XCTest

/// CONNECT tunnelling through the real `isol8-proxy` to a loopback echo server.
final class ProxyTunnelTests: XCTestCase {
    private var echo: LoopbackEchoServer!

    override func setUpWithError() throws {
        echo = try LoopbackEchoServer()
    }

    override func tearDown() {
        echo.stop()
    }

    func testAllowedConnectTunnelsBytesBothWays() throws {
        let proxy = try ProxyProcess(environment: ["ISOL8_WHITELIST": #"["^localhost$"]"#])
        let fd = try LoopbackSocket.connect(port: proxy.port)
        defer { close(fd) }
        // Bytes sent right behind the CONNECT head (a TLS ClientHello in real life) must not be lost.
        try LoopbackSocket.writeAll(fd, "CONNECT localhost:\(echo.port) HTTP/1.1\r\nHost: localhost:\(echo.port)\r\n\r\nearly")
        let (head, rest) = try XCTUnwrap(LoopbackSocket.readHead(fd))
        XCTAssertEqual(head, "HTTP/1.1 200 Connection Established")
        let early = rest + LoopbackSocket.readExactly(fd, 5 - rest.count)
        XCTAssertEqual(String(decoding: early, as: UTF8.self), "early")
        // The ALLOW line is on disk before the tunnel closes: the engine tails the log live.
        XCTAssertTrue(proxy.networkLog.contains(#""method":"CONNECT","host":"localhost","path":null,"action":"ALLOW""#),
                      proxy.networkLog)

        let payload = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try LoopbackSocket.writeAll(fd, payload)
        XCTAssertEqual(LoopbackSocket.readExactly(fd, payload.count), payload)

        // Half-close travels through the tunnel: the echo server sees EOF and closes, so do we.
        shutdown(fd, Int32(SHUT_WR))
        XCTAssertEqual(LoopbackSocket.readToEnd(fd), [])

        let record = try XCTUnwrap(NetworkLogRecord.decodeAll(proxy.networkLog).first)
        XCTAssertEqual(record.method, "CONNECT")
        XCTAssertEqual(record.host, "localhost")
        XCTAssertNil(record.path)
        XCTAssertEqual(record.action, .allow)
        XCTAssertEqual(record.durationMs, 0)
        XCTAssertTrue(proxy.networkLog.contains(#""path":null"#), proxy.networkLog)
    }

    func testDeniedConnectGets403() throws {
        let proxy = try ProxyProcess(environment: ["ISOL8_BLACKLIST": #"["^127\\.0\\.0\\.1$"]"#])
        let response = try ProxyExchange.send("CONNECT 127.0.0.1:\(echo.port) HTTP/1.1\r\n\r\n", proxyPort: proxy.port)
        let body = "isol8: CONNECT to 127.0.0.1 blocked by network filter"
        XCTAssertEqual(response.statusLine, "HTTP/1.1 403 Forbidden")
        XCTAssertEqual(response.headerLines, ["Content-Type: text/plain", "Content-Length: \(body.utf8.count)"])
        XCTAssertEqual(response.body, body)

        XCTAssertEqual(proxy.networkLog.split(separator: "\n").count, 1)
        XCTAssertTrue(proxy.networkLog.contains(#""method":"CONNECT","host":"127.0.0.1","path":null,"action":"BLOCK","durationMs":0,"matchedHost":"127.0.0.1","rule":"deny 1 ^127\\.0\\.0\\.1$"}"#),
                      proxy.networkLog)
        let event = try XCTUnwrap(SecurityEventRecord.decodeAll(proxy.securityEvents).first)
        XCTAssertEqual(event.method, "CONNECT")
        XCTAssertEqual(event.host, "127.0.0.1")
    }

    func testConnectToClosedPortGets502() throws {
        let proxy = try ProxyProcess()
        let closed = try LoopbackSocket.closedPort()
        let response = try ProxyExchange.send("CONNECT 127.0.0.1:\(closed) HTTP/1.1\r\n\r\n", proxyPort: proxy.port)
        XCTAssertEqual(response.statusLine, "HTTP/1.1 502 Bad Gateway")
        XCTAssertEqual(response.body, "isol8: proxy error: connection to 127.0.0.1:\(closed) failed")
    }
}
