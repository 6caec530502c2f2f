/// One line of the proxy's `network.jsonl` (compat §3.6): a request the filter saw and its verdict.
public struct NetworkLogRecord: Sendable, Equatable {
    /// When the entry was written, `date -Iseconds` style (see `ISOTimestamp`).
    public var timestamp: String
    /// The HTTP method, `CONNECT` for tunnels.
    public var method: String
    /// The host the request was for, as the client wrote it (no port).
    public var host: String
    /// The canonical host the rules judged and the proxy connected to (see `CanonicalHost`);
    /// nil in logs of proxies that did not write it (the original's).
    public var matchedHost: String?
    /// The request path with query; `nil` for CONNECT.
    public var path: String?
    /// The filter's verdict.
    public var action: NetworkAction
    /// Time from upstream connect to upstream close, in milliseconds; 0 for CONNECT and blocks.
    public var durationMs: Int
    /// What decided the verdict (`NetworkDecision.logText`: `deny 1 ^allow`, `not-allowlisted` …);
    /// nil in logs of proxies that did not write it.
    public var rule: String?

    /// Creates a record; `timestamp` defaults to now.
    public init(
        timestamp: String = ISOTimestamp.now(),
        method: String,
        host: String,
        matchedHost: String? = nil,
        path: String?,
        action: NetworkAction,
        durationMs: Int,
        rule: String? = nil
    ) {
        self.timestamp = timestamp
        self.method = method
        self.host = host
        self.matchedHost = matchedHost
        self.path = path
        self.action = action
        self.durationMs = durationMs
        self.rule = rule
    }

    /// The JSON object on one line, without the trailing newline. Field order is fixed:
    /// timestamp, method, host, path, action, durationMs, then `matchedHost` and `rule` when known
    /// (added last so readers of the original's lines are unaffected); an absent or empty path is `null`.
    public func jsonLine() -> String {
        var writer = JSONWriter()
        writer.add("timestamp", string: timestamp)
        writer.add("method", string: method)
        writer.add("host", string: host)
        writer.add("path", optionalString: (path?.isEmpty ?? true) ? nil : path)
        writer.add("action", string: action.rawValue)
        writer.add("durationMs", int: durationMs)
        if let matchedHost { writer.add("matchedHost", string: matchedHost) }
        if let rule { writer.add("rule", string: rule) }
        return writer.finished()
    }

    /// Reads one log line back; `nil` when the line holds no record.
    ///
    /// Missing fields get the defaults of compat §3.7 (timestamp now, method `UNKNOWN`, host `""`,
    /// action `ALLOW`, durationMs 0). The original proxy wrote CONNECT paths as the string
    /// `"null"`; that is read as `nil` too, so logs from original images read the same.
    public static func decode(line: Substring) -> NetworkLogRecord? {
        guard let object = LogLine.object(in: line) else { return nil }
        var path = object["path"]?.stringValue
        if path == "null" || path == "" { path = nil }
        return NetworkLogRecord(
            timestamp: object["timestamp"]?.stringValue ?? ISOTimestamp.now(),
            method: object["method"]?.stringValue ?? "UNKNOWN",
            host: object["host"]?.stringValue ?? "",
            matchedHost: object["matchedHost"]?.stringValue,
            path: path,
            action: object["action"]?.stringValue == NetworkAction.block.rawValue ? .block : .allow,
            durationMs: object["durationMs"]?.intValue ?? 0,
            rule: object["rule"]?.stringValue
        )
    }

    /// Reads one log line back (see `decode(line: Substring)`).
    public static func decode(line: String) -> NetworkLogRecord? {
        decode(line: Substring(line))
    }

    /// Every record in the text of a whole `network.jsonl`, skipping lines that hold none.
    public static func decodeAll(_ text: String) -> [NetworkLogRecord] {
        LogLine.records(in: text) { decode(line: $0) }
    }
}
