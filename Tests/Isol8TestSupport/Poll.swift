import Foundation

/// The one way a test waits for something outside it (a screen, a server, a container):
/// look again and again until the WHOLE state the test then asserts is there. The deadline
/// only bounds a hang, it is never a timing assertion; on timeout the error carries what
/// was seen last, so a failure shows the half-drawn screen or the server's last answer.
public enum Poll {
    /// Long enough for two busy cores shared with other builds; a passing run never waits it out.
    public static let defaultTimeout: TimeInterval = 60
    static let interval: TimeInterval = 0.05

    /// Waited `timeout` seconds for `what` and never saw it.
    public struct Timeout: Error, CustomStringConvertible {
        public let what: String
        public let lastSeen: String
        public let timeout: TimeInterval
        public let location: String

        public var description: String {
            "\(location): timed out after \(Int(timeout)) s waiting for \(what); last seen:\n\(lastSeen)"
        }
    }

    /// Calls `look` until `holds` accepts what it returns, and returns that value.
    @discardableResult
    public static func until<Seen>(_ what: String, timeout: TimeInterval = defaultTimeout,
                                   file: StaticString = #filePath, line: UInt = #line,
                                   look: () throws -> Seen, holds: (Seen) throws -> Bool,
                                   describe: (Seen) -> String = { String(describing: $0) }) throws -> Seen {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let seen = try look()
            if try holds(seen) { return seen }
            guard Date() < deadline else {
                throw Timeout(what: what, lastSeen: describe(seen), timeout: timeout, location: "\(file):\(line)")
            }
            Thread.sleep(forTimeInterval: interval)
        }
    }

    /// `until` for a look that awaits (an HTTP call, the Docker API).
    @discardableResult
    public static func until<Seen>(_ what: String, timeout: TimeInterval = defaultTimeout,
                                   file: StaticString = #filePath, line: UInt = #line,
                                   look: () async throws -> Seen, holds: (Seen) throws -> Bool,
                                   describe: (Seen) -> String = { String(describing: $0) }) async throws -> Seen {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let seen = try await look()
            if try holds(seen) { return seen }
            guard Date() < deadline else {
                throw Timeout(what: what, lastSeen: describe(seen), timeout: timeout, location: "\(file):\(line)")
            }
            try await Task.sleep(nanoseconds: UInt64(interval * 1e9))
        }
    }
}
