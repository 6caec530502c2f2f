/// One line of the proxy's `security-events.jsonl` (compat §3.6): a request the filter blocked.
public struct SecurityEventRecord: Sendable, Equatable {
    /// The event type the proxy writes for a blocked request.
    public static let networkBlocked = "network_blocked"
    /// The reason the proxy writes for a request no rule allowed.
    public static let filterMismatch = "filter_mismatch"

    /// The kind of event, `network_blocked` for the proxy.
    public var type: String
    /// When it happened, `date -Iseconds` style.
    public var timestamp: String
    /// The HTTP method of the blocked request (`CONNECT` for tunnels).
    public var method: String
    /// The host that was blocked.
    public var host: String
    /// Why, `filter_mismatch` for the proxy.
    public var reason: String

    /// Creates an event; defaults describe a request blocked by the filter, now.
    public init(
        type: String = SecurityEventRecord.networkBlocked,
        timestamp: String = ISOTimestamp.now(),
        method: String,
        host: String,
        reason: String = SecurityEventRecord.filterMismatch
    ) {
        self.type = type
        self.timestamp = timestamp
        self.method = method
        self.host = host
        self.reason = reason
    }

    /// The JSON `details` object alone: `{"method":…,"host":…,"reason":…}`.
    public func detailsJSON() -> String {
        var details = JSONWriter()
        details.add("method", string: method)
        details.add("host", string: host)
        details.add("reason", string: reason)
        return details.finished()
    }

    /// The JSON object on one line, without the trailing newline, fields in the order
    /// type, timestamp, details{method, host, reason}.
    public func jsonLine() -> String {
        var writer = JSONWriter()
        writer.add("type", string: type)
        writer.add("timestamp", string: timestamp)
        writer.add("details", raw: detailsJSON())
        return writer.finished()
    }

    /// Reads one line back; `nil` when it holds no event. Missing fields default to type
    /// `unknown`, timestamp now, method `UNKNOWN`, host and reason `""`.
    public static func decode(line: Substring) -> SecurityEventRecord? {
        guard let object = LogLine.object(in: line) else { return nil }
        let details = object["details"]
        return SecurityEventRecord(
            type: object["type"]?.stringValue ?? "unknown",
            timestamp: object["timestamp"]?.stringValue ?? ISOTimestamp.now(),
            method: details?["method"]?.stringValue ?? "UNKNOWN",
            host: details?["host"]?.stringValue ?? "",
            reason: details?["reason"]?.stringValue ?? ""
        )
    }

    /// Reads one line back (see `decode(line: Substring)`).
    public static func decode(line: String) -> SecurityEventRecord? {
        decode(line: Substring(line))
    }

    /// Every event in the text of a whole `security-events.jsonl`.
    public static func decodeAll(_ text: String) -> [SecurityEventRecord] {
        LogLine.records(in: text) { decode(line: $0) }
    }
}
