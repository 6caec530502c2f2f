import Foundation

/// The isol8 HTTP API's JSON shapes, with the key orders of compat §1.3–§1.5 (JSONEncoder
/// does not promise any order, and clients compare bodies byte for byte).
public enum WireJSON {
    /// `ExecutionResult` in the original's key order; optional keys only when present.
    public static func result(_ result: ExecutionResult) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("stdout", .string(result.stdout)),
            ("stderr", .string(result.stderr)),
            ("exitCode", .int(result.exitCode)),
            ("durationMs", .int(result.durationMs)),
            ("truncated", .bool(result.truncated)),
            ("executionId", .string(result.executionId)),
            ("runtime", .string(result.runtime.rawValue)),
            ("timestamp", .string(result.timestamp)),
        ]
        if let id = result.containerId { pairs.append(("containerId", .string(id))) }
        if let usage = result.resourceUsage {
            pairs.append(("resourceUsage", .object([
                ("cpuPercent", .double(usage.cpuPercent)),
                ("memoryMB", .int(usage.memoryMB)),
                ("networkBytesIn", .int(usage.networkBytesIn)),
                ("networkBytesOut", .int(usage.networkBytesOut)),
            ])))
        }
        if let logs = result.networkLogs { pairs.append(("networkLogs", .array(logs.map(networkLog)))) }
        if let files = result.files {
            pairs.append(("files", .object(files.keys.sorted().map { ($0, .string(files[$0]!)) })))
        }
        if let timedOut = result.timedOut { pairs.append(("timedOut", .bool(timedOut))) }
        if let oomKilled = result.oomKilled { pairs.append(("oomKilled", .bool(oomKilled))) }
        return .object(pairs)
    }

    /// One network log entry; `matchedHost` and `rule` come last and only when known, so isol8
    /// clients see the fields they know first.
    public static func networkLog(_ entry: NetworkLogEntry) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("timestamp", .string(entry.timestamp)), ("method", .string(entry.method)), ("host", .string(entry.host)),
            ("path", entry.path.map { .string($0) } ?? .null), ("action", .string(entry.action)),
            ("durationMs", .int(entry.durationMs)),
        ]
        if let matchedHost = entry.matchedHost { pairs.append(("matchedHost", .string(matchedHost))) }
        if let rule = entry.rule { pairs.append(("rule", .string(rule))) }
        return .object(pairs)
    }

    /// `StreamEvent` as `type`, `data`, then `phase` when set.
    public static func event(_ event: StreamEvent) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", .string(event.type.rawValue)), ("data", .string(event.data))]
        if let phase = event.phase { pairs.append(("phase", .string(phase.rawValue))) }
        return .object(pairs)
    }

    public static func session(_ info: SessionInfo) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("id", .string(info.id)), ("isActive", .bool(info.isActive)),
                                            ("lastAccessedAt", .string(info.lastAccessedAt))]
        if let createdAt = info.createdAt { pairs.append(("createdAt", .string(createdAt))) }
        if let pruneAt = info.pruneAt { pairs.append(("pruneAt", .string(pruneAt))) }
        return .object(pairs)
    }

    /// `{"error":"<message>"}`, the body of every failed API call.
    public static func error(_ message: String) -> JSONValue { .object([("error", .string(message))]) }

    /// Decodes a result body; any key order and unknown keys are accepted.
    public static func decodeResult(_ data: Data) throws -> ExecutionResult {
        try JSONDecoder().decode(ExecutionResult.self, from: data)
    }

    /// Decodes one event; nil for malformed JSON. Unknown types decode and are kept.
    public static func decodeEvent(_ text: String) -> StreamEvent? {
        try? JSONDecoder().decode(StreamEvent.self, from: Data(text.utf8))
    }

    /// The `error` string of an error body, if the body is one.
    public static func errorMessage(_ data: Data) -> String? {
        (try? JSONSerialization.jsonObject(with: data)) .flatMap { ($0 as? [String: Any])?["error"] as? String }
    }

    /// The text a failure shows: its own description for our error types, else Foundation's.
    public static func message(of error: Error) -> String {
        if let described = error as? LocalizedError, let text = described.errorDescription { return text }
        return String(describing: error)
    }

    /// ISO-8601 with milliseconds and `Z`, as JavaScript's `toISOString()`.
    public static func isoTimestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// Reads `isoTimestamp`'s format, and the same without milliseconds.
    public static func date(fromISO text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}
