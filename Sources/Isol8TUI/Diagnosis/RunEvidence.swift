import Foundation
import Isol8Core

/// What the classifier reads about a finished run: the result's flags, the text the run wrote
/// to stderr (with the engine's notices), the proxy's log and the knobs the run had.
public struct RunEvidence: Sendable {
    /// The program's exit code; nil when the run failed before one existed.
    public var exitCode: Int?
    public var timedOut = false
    public var oomKilled = false
    public var truncated = false
    /// Stderr, setup output, the engine's notices (`--- OUT OF MEMORY … ---`) and errors.
    public var errorText: String
    /// The proxy's log of the run.
    public var network: [NetworkLogEntry] = []
    /// The knobs the run had.
    public var options: Isol8Options
    /// The runtime it ran under.
    public var runtime: Runtime
    /// Streamed output is never cut by the engine (only the pane's ring buffer drops lines).
    public var streamed = true

    /// Only the tail is read: the lines that explain a failure come last, and untrusted
    /// output must not make classification slow.
    public static let scannedBytes = 64 * 1024

    /// Creates the evidence; `errorText` is cut to its last ``scannedBytes``.
    public init(exitCode: Int?, errorText: String, options: Isol8Options, runtime: Runtime) {
        self.exitCode = exitCode
        let bytes = errorText.utf8
        self.errorText = bytes.count > Self.scannedBytes
            ? String(decoding: bytes.suffix(Self.scannedBytes), as: UTF8.self) : errorText
        self.options = options
        self.runtime = runtime
    }

    /// The error text's lines, without blank ones.
    var lines: [Substring] {
        errorText.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// The last line holding any of `needles` (case-sensitive: these are program messages).
    func lastLine(containing needles: [String]) -> String? {
        lines.last { line in needles.contains { line.contains($0) } }.map(Self.quote)
    }

    /// A line as evidence: trimmed and short enough for one row.
    static func quote(_ line: Substring) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 160 ? String(trimmed.prefix(159)) + "…" : trimmed
    }
}
