import Foundation

/// Decodes a byte stream to text chunk by chunk, holding back an incomplete multibyte
/// sequence at the end of a chunk so it is not corrupted (compat §2.12).
public struct UTF8ChunkDecoder: Sendable {
    private var carry = Data()

    public init() {}

    public mutating func decode(_ chunk: Data) -> String {
        var bytes = carry + chunk
        carry = Data()
        let tail = incompleteTailLength(bytes)
        if tail > 0 {
            carry = bytes.suffix(tail)
            bytes = bytes.dropLast(tail)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whatever is still held back, decoded with replacement characters.
    public mutating func flush() -> String {
        defer { carry = Data() }
        return String(decoding: carry, as: UTF8.self)
    }

    /// Length of a multibyte sequence that started but did not finish at the end.
    private func incompleteTailLength(_ bytes: Data) -> Int {
        let end = bytes.endIndex
        var index = end
        var scanned = 0
        while index > bytes.startIndex, scanned < 4 {
            index -= 1
            scanned += 1
            let byte = bytes[index]
            if byte & 0b1100_0000 == 0b1000_0000 { continue }
            let needed: Int
            switch byte {
            case 0xC0...0xDF: needed = 2
            case 0xE0...0xEF: needed = 3
            case 0xF0...0xF7: needed = 4
            default: return 0
            }
            return scanned < needed ? scanned : 0
        }
        return 0
    }
}
