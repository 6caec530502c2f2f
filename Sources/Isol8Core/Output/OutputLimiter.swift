import Foundation

/// Keeps at most `limit` bytes of one output stream; once over, it stops storing and
/// only counts, so a flood is never buffered whole (compat §2.12).
public struct OutputLimiter: Sendable {
    public let limit: Int
    private(set) var kept = Data()
    private(set) var observed = 0

    public init(limit: Int) { self.limit = limit }

    public var truncated: Bool { observed > limit }

    public mutating func append(_ chunk: Data) {
        observed += chunk.count
        let room = limit - kept.count
        if room > 0 { kept.append(chunk.prefix(room)) }
    }

    /// The kept text (cut on a UTF-8 boundary) plus the truncation marker when over the cap.
    public func text() -> String {
        guard truncated else { return String(decoding: kept, as: UTF8.self) }
        return validUTF8Prefix(kept) + "\n\n--- OUTPUT TRUNCATED (\(observed) bytes, limit: \(limit)) ---"
    }

    /// Drops an incomplete multibyte sequence at the end of the cut.
    private func validUTF8Prefix(_ data: Data) -> String {
        var end = data.count
        while end > 0 {
            if let text = String(data: data.prefix(end), encoding: .utf8) { return text }
            end -= 1
            if data.count - end > 3 { break }
        }
        return String(decoding: data.prefix(end), as: UTF8.self)
    }
}
