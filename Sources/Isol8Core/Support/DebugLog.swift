import Foundation

/// The global debug logger of spec §9: off until enabled, sticky once on. Lines go to a
/// replaceable sink — stdout for the CLI, a pane for the TUI (which must never let the
/// engine write to its terminal).
public enum DebugLog {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var enabled = false
    nonisolated(unsafe) private static var sink: @Sendable (String) -> Void = { line in
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    public static var isEnabled: Bool { lock.withLock { enabled } }

    /// Turns debug output on; `false` never turns it off (the original's sticky switch).
    public static func enable(_ on: Bool = true) {
        if on { lock.withLock { enabled = true } }
    }

    public static func setSink(_ newSink: @escaping @Sendable (String) -> Void) {
        lock.withLock { sink = newSink }
    }

    public static func debug(_ message: @autoclosure () -> String) {
        let current: (@Sendable (String) -> Void)? = lock.withLock { enabled ? sink : nil }
        current?("[DEBUG] " + message())
    }

    /// Undoes `enable` — only for tests, which share one process.
    public static func resetForTesting() { lock.withLock { enabled = false } }
}
