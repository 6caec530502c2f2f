import Foundation

/// One raw request through the proxy and the full response it produced.
struct ProxyExchange {
    let statusLine: String
    let headerLines: [String]
    let body: String

    /// Sends `request` verbatim to the proxy on `port` and reads until the proxy closes.
    static func send(_ request: [UInt8], proxyPort: Int) throws -> ProxyExchange {
        let fd = try LoopbackSocket.connect(port: proxyPort)
        defer { close(fd) }
        try LoopbackSocket.writeAll(fd, request)
        return parse(LoopbackSocket.readToEnd(fd))
    }

    static func send(_ request: String, proxyPort: Int) throws -> ProxyExchange {
        try send(Array(request.utf8), proxyPort: proxyPort)
    }

    /// `GET <url>` in absolute form, as an HTTP client configured with a proxy sends it.
    static func get(_ url: String, host: String, proxyPort: Int, extraHeaders: [String] = []) throws -> ProxyExchange {
        var request = "GET \(url) HTTP/1.1\r\nHost: \(host)\r\n"
        for header in extraHeaders { request += header + "\r\n" }
        request += "\r\n"
        return try send(request, proxyPort: proxyPort)
    }

    static func parse(_ bytes: [UInt8]) -> ProxyExchange {
        guard let end = LoopbackSocket.firstIndex(of: Array("\r\n\r\n".utf8), in: bytes) else {
            return ProxyExchange(statusLine: String(decoding: bytes, as: UTF8.self), headerLines: [], body: "")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        return ProxyExchange(statusLine: lines[0], headerLines: Array(lines.dropFirst()),
                             body: String(decoding: bytes[(end + 4)...], as: UTF8.self))
    }
}
