/// An incremental UTF-8 decoder: bytes can arrive in chunks of any size, and a character split
/// across chunks decodes as if it had arrived whole.
///
/// Follows the WHATWG decoder, so each maximal invalid subsequence (bad lead byte, overlong
/// form, surrogate, value above U+10FFFF, truncated sequence) becomes exactly one U+FFFD — the
/// same count every browser and Swift's own `String(decoding:)` produce. The carry between
/// chunks is the partially decoded scalar (at most three bytes' worth), not a buffer.
public struct UTF8StreamDecoder: Hashable, Sendable {
    private var codePoint: UInt32 = 0
    private var needed = 0
    private var seen = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    /// Creates a decoder with nothing carried over.
    public init() {}

    /// `true` while a multibyte character has started but not finished.
    public var hasPartialCharacter: Bool { needed > 0 }

    /// Feeds one byte, calling `emit` for every scalar it completes (none, one, or — when the
    /// byte breaks a pending sequence — a U+FFFD followed by whatever the byte starts).
    @inline(__always)
    public mutating func decode(_ byte: UInt8, _ emit: (Unicode.Scalar) -> Void) {
        if needed == 0 {
            switch byte {
            case 0x00...0x7F:
                emit(Unicode.Scalar(byte))
            case 0xC2...0xDF:
                needed = 1
                codePoint = UInt32(byte & 0x1F)
            case 0xE0...0xEF:
                if byte == 0xE0 { lower = 0xA0 }
                if byte == 0xED { upper = 0x9F }  // excludes surrogates
                needed = 2
                codePoint = UInt32(byte & 0x0F)
            case 0xF0...0xF4:
                if byte == 0xF0 { lower = 0x90 }
                if byte == 0xF4 { upper = 0x8F }  // caps at U+10FFFF
                needed = 3
                codePoint = UInt32(byte & 0x07)
            default:
                emit(Self.replacement)
            }
            return
        }
        guard byte >= lower && byte <= upper else {
            reset()
            emit(Self.replacement)
            decode(byte, emit)  // the byte that broke the sequence may start a new one
            return
        }
        lower = 0x80
        upper = 0xBF
        codePoint = (codePoint << 6) | UInt32(byte & 0x3F)
        seen += 1
        if seen == needed {
            let scalar = Unicode.Scalar(codePoint) ?? Self.replacement
            reset()
            emit(scalar)
        }
    }

    /// Ends the stream: a truncated character becomes one U+FFFD.
    public mutating func finish(_ emit: (Unicode.Scalar) -> Void) {
        if needed > 0 {
            reset()
            emit(Self.replacement)
        }
    }

    private mutating func reset() {
        codePoint = 0
        needed = 0
        seen = 0
        lower = 0x80
        upper = 0xBF
    }

    static let replacement = Unicode.Scalar(0xFFFD)!
}
