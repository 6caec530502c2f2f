import Foundation

/// Lines a log handler wrote, gathered from whatever thread wrote them (for tests that give
/// an engine or a server its own logger).
public final class LineCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var captured: [String] = []

    public init() {}

    public func append(_ line: String) { lock.withLock { captured.append(line) } }

    public var lines: [String] { lock.withLock { captured } }
}
