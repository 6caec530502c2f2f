import Foundation

/// One line of an isol8-tui server's log as `GET /debug/events` sends it. `number` counts
/// every line the server logged, so a gap is lines this reader missed.
public struct ServerLogLine: Sendable, Equatable {
    public var number: Int
    public var level: String
    public var line: String

    public init(number: Int, level: String, line: String) {
        self.number = number
        self.level = level
        self.line = line
    }

    /// nil for an event that is not a log line.
    init?(event payload: String) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any],
              let number = object["n"] as? Int, let line = object["line"] as? String else { return nil }
        self.init(number: number, level: object["level"] as? String ?? "info", line: line)
    }
}
