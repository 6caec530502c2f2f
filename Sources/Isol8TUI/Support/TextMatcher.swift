/// Finds a search query in lines of text, smart-case: a query without capitals ignores ASCII
/// case. Works on UTF-8 bytes so scanning a full output buffer for `n`/`N` stays fast.
public struct TextMatcher: Hashable, Sendable {
    /// The query as typed.
    public let query: String
    private let needle: [UInt8]
    private let foldCase: Bool

    /// Creates a matcher; `nil` for an empty query.
    public init?(_ query: String) {
        guard !query.isEmpty else { return nil }
        self.query = query
        foldCase = !query.unicodeScalars.contains { $0.properties.isUppercase }
        needle = foldCase ? query.utf8.map(TextMatcher.lower) : Array(query.utf8)
    }

    /// Whether `text` contains the query.
    public func matches(_ text: String) -> Bool {
        var found = false
        forEachMatch(in: text) { _ in
            found = true
            return false
        }
        return found
    }

    /// The byte ranges (UTF-8 offsets) of non-overlapping matches, left to right.
    public func byteRanges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        forEachMatch(in: text) {
            ranges.append($0)
            return true
        }
        return ranges
    }

    private func forEachMatch(in text: String, _ body: (Range<Int>) -> Bool) {
        var text = text
        text.withUTF8 { bytes in
            let n = needle.count
            guard bytes.count >= n else { return }
            var i = 0
            let first = needle[0]
            while i <= bytes.count - n {
                if fold(bytes[i]) == first {
                    var j = 1
                    while j < n && fold(bytes[i + j]) == needle[j] { j += 1 }
                    if j == n {
                        guard body(i..<(i + n)) else { return }
                        i += n
                        continue
                    }
                }
                i += 1
            }
        }
    }

    @inline(__always)
    private func fold(_ byte: UInt8) -> UInt8 { foldCase ? TextMatcher.lower(byte) : byte }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
