import NetworkPolicy

/// Where a proxied request goes: the host the rules judge and the proxy connects to (always the
/// same string, so what is checked is what is reached), the port, and for plain HTTP the path.
struct ProxyTarget: Equatable {
    /// The host as the client wrote it, for the log and messages.
    var requestedHost: String
    /// Its canonical form (`CanonicalHost`): what the rules judge and the proxy connects to.
    var host: String
    /// The port as written (or the default), shown in error messages.
    var portText: String
    /// Origin-form path with query; nil for CONNECT.
    var path: String?

    /// The port as a number; nil when `portText` is not a valid TCP port (the connection then
    /// fails with 502, as the original's `/dev/tcp` did).
    var port: Int? {
        guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText),
              (1...65_535).contains(port) else { return nil }
        return port
    }

    /// `host[:port]` of a CONNECT; the port defaults to 443.
    static func connect(authority: String) -> ProxyTarget {
        let (host, port) = splitHostPort(Substring(authority), defaultPort: "443")
        return ProxyTarget(requestedHost: host, host: CanonicalHost.of(host), portText: port, path: nil)
    }

    /// An absolute-form target `http://host[:port]/path?query`; port defaults to 80, path to `/`.
    static func http(absolute target: String) -> ProxyTarget {
        var rest = Substring(target)
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        let slash = rest.firstIndex(of: "/")
        var authority = rest[..<(slash ?? rest.endIndex)]
        let path = slash.map { String(rest[$0...]) } ?? "/"
        // Credentials in the URL are not part of the host; dropping them keeps the judged host
        // equal to the host that is reached.
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let (host, port) = splitHostPort(authority, defaultPort: "80")
        return ProxyTarget(requestedHost: host, host: CanonicalHost.of(host), portText: port, path: path)
    }

    /// Host up to the first `:`, port after the last one, as the original split them; a
    /// bracketed IPv6 literal keeps its colons.
    private static func splitHostPort(_ authority: Substring, defaultPort: String) -> (String, String) {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            return (host, after.isEmpty ? defaultPort : String(after.dropFirst()))
        }
        guard let firstColon = authority.firstIndex(of: ":"),
              let lastColon = authority.lastIndex(of: ":") else {
            return (String(authority), defaultPort)
        }
        return (String(authority[..<firstColon]), String(authority[authority.index(after: lastColon)...]))
    }
}
