import Foundation

/// Bounds on reading a sandbox file for a client (`GET /file`, `outputPaths`). Sandboxed
/// code decides what a path is, so a read stops at a size cap and gives up after a timeout
/// (a `/dev/zero` symlink or a FIFO must not cost the reader memory or a hung request).
public struct FileReadLimits: Sendable, Equatable {
    /// Largest file handed over; bigger ones are refused before any byte is read.
    public var maxBytes: Int
    /// How long one read may take, the container's side included.
    public var timeoutMs: Int

    public static let defaultMaxBytes = 16 * 1024 * 1024
    public static let defaultTimeoutMs = 30_000

    public init(maxBytes: Int = FileReadLimits.defaultMaxBytes, timeoutMs: Int = FileReadLimits.defaultTimeoutMs) {
        self.maxBytes = maxBytes
        self.timeoutMs = timeoutMs
    }
}
