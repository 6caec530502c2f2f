/// Whether text is all printable ASCII (0x20...0x7E): one column per byte, nothing to escape.
/// Every frame asks this of every line it draws and every flood chunk of its bytes, so the
/// check reads eight bytes at a time.
enum PrintableASCII {
    static func contains<S: StringProtocol>(only text: S) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ contains(only: $0) }) { return answer }
        return text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    static func contains(only bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        while i + 8 <= bytes.count {
            if mayHaveOther(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { break }
            i += 8
        }
        while i < bytes.count {
            guard base[i] >= 0x20 && base[i] < 0x7F else { return false }
            i += 1
        }
        return true
    }

    /// `false` only when all eight bytes of `word` are printable ASCII.
    @inline(__always)
    static func mayHaveOther(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs              // a byte under 0x20
        let atOrAbove = ((word & ~highs) &+ ones &* (0x80 - 0x7F)) | word  // a byte of 0x7F or more
        return (below | (atOrAbove & highs)) != 0
    }
}
