/// Whole chunks at a time, for output streams: the part of a chunk made of complete
/// characters is decoded in bulk by `String(decoding:)` (same replacements), only the bytes
/// around a chunk boundary go through the scalar decoder.
extension UTF8StreamDecoder {
    /// The text of `chunk`; a character cut at its end is finished by the next chunk.
    public mutating func decode<Bytes: BidirectionalCollection>(_ chunk: Bytes) -> String where Bytes.Element == UInt8 {
        var text = String.UnicodeScalarView()
        var start = chunk.startIndex
        // Finish the character the previous chunk began.
        while hasPartialCharacter, start != chunk.endIndex {
            decode(chunk[start]) { text.append($0) }
            start = chunk.index(after: start)
        }
        let rest = chunk[start...]
        let cut = Self.lastBoundary(in: rest)
        var out = String(text)
        out += String(decoding: rest[..<cut], as: UTF8.self)
        var tail = String.UnicodeScalarView()
        for byte in rest[cut...] { decode(byte) { tail.append($0) } }
        out += String(tail)
        return out
    }

    /// Ends the stream: a character left unfinished becomes U+FFFD.
    public mutating func finish() -> String {
        var text = String.UnicodeScalarView()
        finish { text.append($0) }
        return String(text)
    }

    /// Where the last multibyte lead byte sits among the final four bytes, else the end. Any
    /// byte that is not a continuation ends the sequence before it, so decoding up to there
    /// on its own gives the same text as decoding the stream whole.
    private static func lastBoundary<Bytes: BidirectionalCollection>(in bytes: Bytes) -> Bytes.Index where Bytes.Element == UInt8 {
        var index = bytes.endIndex
        for _ in 0..<4 {
            guard index != bytes.startIndex else { break }
            index = bytes.index(before: index)
            let byte = bytes[index]
            if byte & 0b1100_0000 == 0b1000_0000 { continue }
            return byte >= 0xC2 && byte <= 0xF4 ? index : bytes.endIndex
        }
        return bytes.endIndex
    }
}
