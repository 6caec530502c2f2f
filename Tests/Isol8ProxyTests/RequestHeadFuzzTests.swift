import Foundation
import Isol8TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Seeded fuzzing of the proxy's request-head reading (head boundary, request line, headers,
/// target, canonical host) through the real `isol8-proxy` on loopback. Every host is denied,
/// so no case ever connects anywhere: each gets 400 or 403 or a close, within a bound, the
/// proxy keeps serving, and its logs stay one JSON object a line whatever the head held.
final class RequestHeadFuzzTests: XCTestCase {
    private static let special = Array("\r\n :/@[]%.GETCONNECT".utf8) + [0, 0x09, 0x7F, 0xC3, 0xFF]

    /// A head a client could send: methods, absolute and authority targets, host spellings the
    /// canonicaliser rewrites, `Content-Length`, `Proxy-*`, either line end, stray blank lines.
    private func validHead(_ random: inout SeededRandom) -> [UInt8] {
        let end = random.oneIn(3) ? "\n" : "\r\n"
        let host = ["example.test", "DENIED.test.", "0xac110001", "2886795265", "[::ffff:172.17.0.1]", "127.0.0.1", "localhost", "a..b", ""]
            .randomElement(using: &random)!
        let port = random.oneIn(2) ? "" : ":" + ["80", "443", "0", "65536", "x", "8080:9"].randomElement(using: &random)!
        let method = ["GET", "POST", "CONNECT", "PUT", "get", "X"].randomElement(using: &random)!
        let target = method == "CONNECT" ? host + port : "http://" + (random.oneIn(5) ? "user:pw@" : "") + host + port + "/p?q=1&k=%00"
        var head = (random.oneIn(5) ? end : "") + "\(method) \(target) HTTP/1.1" + end + "Host: \(host)" + end
        if random.oneIn(2) { head += "Content-Length: \(["0", "3", "-1", "99999999999999999999", "x"].randomElement(using: &random)!)" + end }
        if random.oneIn(3) { head += "Proxy-Authorization: Basic eDp5" + end }
        if random.oneIn(10) { head += "X-Big: " + String(repeating: "a", count: 70_000) + end }
        return Array((head + end + (random.oneIn(3) ? "abc" : "")).utf8)
    }

    /// Sends `input`, ends the sending side and reads until the proxy closes. nil when the proxy
    /// neither answered nor closed within the bound (a hang).
    private func exchange(_ input: [UInt8], port: Int) throws -> [UInt8]? {
        let fd = try LoopbackSocket.connect(port: port, timeoutSeconds: 20)
        defer { close(fd) }
        // The proxy may answer and close before it has read everything (a head too large).
        try? LoopbackSocket.writeAll(fd, input)
        shutdown(fd, Int32(SHUT_WR))
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { answer += buffer[0..<n]; continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return nil }
            return answer  // EOF, or a reset after the answer
        }
    }

    func testAnyHeadGets400Or403OrACloseAndTheLogsStayJSON() throws {
        let proxy = try ProxyProcess(environment: ["ISOL8_BLACKLIST": #"[".*"]"#])
        Fuzz.run("ProxyRequestHead", cases: 2000) { random in
            let input: [UInt8]
            switch Int.random(in: 0..<3, using: &random) {
            case 0: input = validHead(&random)
            case 1: input = Fuzz.bytes(Int.random(in: 0...600, using: &random), using: &random, favouring: Self.special)
            default: input = Fuzz.mutate(validHead(&random), using: &random, inserting: Self.special)
            }
            let shown = String(decoding: input.prefix(300), as: UTF8.self).debugDescription
            guard let answer = try exchange(input, port: proxy.port) else { throw Fuzz.Violation("no answer and no close for \(shown)") }
            let statusLine = String(decoding: answer.prefix(13), as: UTF8.self)
            guard answer.isEmpty || ["HTTP/1.1 400 ", "HTTP/1.1 403 "].contains(statusLine) else {
                throw Fuzz.Violation("answer \(String(decoding: answer.prefix(200), as: UTF8.self).debugDescription) to \(shown)")
            }
        }
        // Still serving, and every log line is one JSON object.
        let answer = try ProxyExchange.get("http://denied.test/", host: "denied.test", proxyPort: proxy.port)
        XCTAssertEqual(answer.statusLine, "HTTP/1.1 403 Forbidden")
        for (name, text) in [("network.jsonl", proxy.networkLog), ("security-events.jsonl", proxy.securityEvents)] {
            let lines = text.split(separator: "\n")
            XCTAssertFalse(lines.isEmpty, name)
            for line in lines {
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                XCTAssertNotNil(object, "\(name): \(line.debugDescription)")
            }
            XCTAssertTrue(text.hasSuffix("\n"), name)
        }
    }
}
