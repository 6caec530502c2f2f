import Foundation
import Logging

/// Prints isol8's log lines (the original's logger format): debug `[DEBUG] [Area] message`,
/// info `[Area] message`, warnings `[WARN] …` and errors `[ERROR] …`. Where the lines go is
/// the front end's choice (`write`): the CLI's and server's console, the TUI's Debug pane, a test.
/// Only the area is printed; other metadata (runtime, session, container) is for other handlers.
public struct LineLogHandler: LogHandler {
    /// Receives each finished line (no trailing newline) with its level.
    public typealias Write = @Sendable (Logger.Level, String) -> Void

    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let write: Write

    public init(logLevel: Logger.Level, write: @escaping Write) {
        self.logLevel = logLevel
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(event.level, Self.line(level: event.level, area: event.metadata?[Logger.areaKey] ?? metadata[Logger.areaKey],
                                     message: event.message.description))
    }

    static func line(level: Logger.Level, area: Logger.Metadata.Value?, message: String) -> String {
        let body = area.map { "[\($0)] \(message)" } ?? message
        switch level {
        case .trace, .debug: return "[DEBUG] " + body
        case .info, .notice: return body
        case .warning: return "[WARN] " + body
        case .error, .critical: return "[ERROR] " + body
        }
    }

    /// A server's console, where the log is the output: debug and info lines to stdout,
    /// warnings and errors to stderr, unbuffered so a parent process (or a test) sees each
    /// line at once.
    public static let console: Write = { level, line in
        write(line, to: level >= .warning ? FileHandle.standardError : FileHandle.standardOutput)
    }

    /// A command's streams, where stdout is the program's output: `[DEBUG]` lines, warnings
    /// and errors go to stderr so they never mix with what a script reads (isol8 printed debug
    /// lines on stdout, compat §9); info lines such as `[Run] Session ID: …` stay on stdout.
    public static let command: Write = { level, line in
        write(line, to: level == .info || level == .notice ? FileHandle.standardOutput : FileHandle.standardError)
    }

    private static func write(_ line: String, to stream: FileHandle) {
        stream.write(Data((line + "\n").utf8))
    }
}
