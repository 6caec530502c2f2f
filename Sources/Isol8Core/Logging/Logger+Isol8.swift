import Logging

extension Logger {
    /// The metadata key of the `[Area]` tag (`LogArea`).
    public static let areaKey = "area"

    /// A logger writing isol8's lines through `write`, with `[DEBUG]` lines only when `debug`.
    public static func lines(_ label: String, debug: Bool, write: @escaping LineLogHandler.Write) -> Logger {
        Logger(label: label) { _ in LineLogHandler(logLevel: debug ? .debug : .info, write: write) }
    }

    /// A logger on stdout/stderr (`LineLogHandler.console`).
    public static func console(_ label: String, debug: Bool = false) -> Logger {
        lines(label, debug: debug, write: LineLogHandler.console)
    }

    /// This logger with `[DEBUG]` lines on when `debug`; `false` leaves it as it was, as the
    /// original's `debug: false` never switched debug output off.
    public func debugging(_ debug: Bool) -> Logger {
        guard debug else { return self }
        var logger = self
        logger.logLevel = min(logger.logLevel, .debug)
        return logger
    }

    /// This logger with `value` under `key` on every line.
    public func with(_ key: String, _ value: String) -> Logger {
        var logger = self
        logger[metadataKey: key] = .string(value)
        return logger
    }

    public func debug(_ area: LogArea, _ message: @autoclosure () -> String,
                      file: String = #fileID, function: String = #function, line: UInt = #line) {
        log(.debug, area, message(), file: file, function: function, line: line)
    }

    public func info(_ area: LogArea, _ message: @autoclosure () -> String,
                     file: String = #fileID, function: String = #function, line: UInt = #line) {
        log(.info, area, message(), file: file, function: function, line: line)
    }

    public func warning(_ area: LogArea, _ message: @autoclosure () -> String,
                        file: String = #fileID, function: String = #function, line: UInt = #line) {
        log(.warning, area, message(), file: file, function: function, line: line)
    }

    public func error(_ area: LogArea, _ message: @autoclosure () -> String,
                      file: String = #fileID, function: String = #function, line: UInt = #line) {
        log(.error, area, message(), file: file, function: function, line: line)
    }

    /// The message is only built when the level is on.
    private func log(_ level: Logger.Level, _ area: LogArea, _ message: @autoclosure () -> String,
                     file: String, function: String, line: UInt) {
        log(level: level, "\(message())", metadata: [Self.areaKey: .string(area.rawValue)], file: file, function: function, line: line)
    }
}
