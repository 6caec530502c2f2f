/// The request line and headers a client sent the proxy, parsed the way the original handler
/// did: lines split on `\n` with one trailing `\r` dropped, headers up to the first empty line.
struct RequestHead: Equatable {
    var method: String
    var target: String
    /// Header lines as received (without line endings), in order.
    var headerLines: [String]

    /// The `Content-Length` value; missing or unreadable counts as 0, like the original.
    var contentLength: Int {
        for line in headerLines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            guard line[..<colon].lowercased() == "content-length" else { continue }
            let value = line[line.index(after: colon)...].filter { $0 != " " && $0 != "\t" }
            return Int(value).map { max(0, $0) } ?? 0
        }
        return 0
    }

    /// The headers to send upstream: all but `Proxy-*` ones, which are meant for this proxy
    /// (credentials, keep-alive hints) and must not leak to the destination.
    var forwardedHeaderLines: [String] {
        headerLines.filter { !$0.lowercased().hasPrefix("proxy-") }
    }

    /// Parses the head text (everything before the blank line). nil when there is no method.
    static func parse(_ bytes: ArraySlice<UInt8>) -> RequestHead? {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { line -> String in
                let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
                return String(decoding: trimmed, as: UTF8.self)
            }
        // Tolerate stray blank lines before the request line (RFC 9112 §2.2).
        while lines.first == "" { lines.removeFirst() }
        guard let requestLine = lines.first else { return nil }
        let words = requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard let method = words.first else { return nil }
        var headers: [String] = []
        for line in lines.dropFirst() {
            if line.isEmpty { break }
            headers.append(line)
        }
        return RequestHead(
            method: String(method),
            target: words.count > 1 ? String(words[1]) : "",
            headerLines: headers
        )
    }
}
