/// The grapheme of a ``Cell``, kept inline as up to 15 UTF-8 bytes.
///
/// A `String` per cell made every copy, comparison and diff of a 200×60 canvas pay reference
/// counting on 12,000 strings; a glyph is two words of plain data. A grapheme longer than 15
/// bytes (a long emoji ZWJ sequence) keeps only its first scalar, which has the same width.
public struct Glyph: Hashable, Sendable {
    /// Bytes 0..<8 of the UTF-8 form.
    @usableFromInline var low: UInt64
    /// Bytes 8..<15, and the byte count in the top byte.
    @usableFromInline var high: UInt64

    public static let capacity = 15

    @inlinable
    public static func == (a: Glyph, b: Glyph) -> Bool { a.low == b.low && a.high == b.high }

    /// One printable ASCII character.
    @inline(__always)
    public init(ascii byte: UInt8) {
        low = UInt64(byte)
        high = 1 << 56
    }

    /// `symbol`, or its first scalar when the whole grapheme is longer than ``capacity`` bytes.
    public init(_ symbol: String) {
        (low, high) = (0, 0)
        var count = 0
        for byte in symbol.utf8 {
            guard count < Self.capacity else {
                self = symbol.unicodeScalars.first.map { Glyph(String($0)) } ?? Glyph("")
                return
            }
            if count < 8 { low |= UInt64(byte) << (8 * count) } else { high |= UInt64(byte) << (8 * (count - 8)) }
            count += 1
        }
        high |= UInt64(count) << 56
    }

    /// The empty glyph of a continuation cell.
    public static let empty = Glyph("")

    /// UTF-8 bytes held.
    public var count: Int { Int(high >> 56) }

    /// The byte at `index` (below ``count``).
    @inline(__always)
    public subscript(index: Int) -> UInt8 {
        index < 8 ? UInt8(truncatingIfNeeded: low >> (8 * index)) : UInt8(truncatingIfNeeded: high >> (8 * (index - 8)))
    }

    /// The UTF-8 bytes.
    public var utf8: [UInt8] { (0..<count).map { self[$0] } }

    /// The grapheme as text.
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    /// The scalar value when the glyph is exactly one scalar of one to three bytes (ASCII, box
    /// drawing, most of the BMP); nil otherwise. The drawing fast path needs no more.
    @inline(__always)
    public var shortScalar: UInt32? {
        let b0 = UInt32(self[0])
        switch count {
        case 1 where b0 < 0x80:
            return b0
        case 2 where b0 & 0xE0 == 0xC0:
            return (b0 & 0x1F) << 6 | UInt32(self[1]) & 0x3F
        case 3 where b0 & 0xF0 == 0xE0:
            return (b0 & 0x0F) << 12 | (UInt32(self[1]) & 0x3F) << 6 | UInt32(self[2]) & 0x3F
        default:
            return nil
        }
    }
}
