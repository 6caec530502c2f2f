/// One terminal cell: a grapheme, how many columns it covers, and its style. Plain data (see
/// ``Glyph``), so a canvas is copied and compared without reference counting.
///
/// A wide grapheme (CJK, most emoji) lives in a lead cell of width 2 followed by a
/// continuation cell (empty symbol, width 0) that the backend never draws.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; empty for a continuation cell.
    public var glyph: Glyph
    /// Columns covered: 1, 2 (wide lead) or 0 (continuation).
    public var width: Int { Int(storedWidth) }
    /// Colours and attributes.
    public var style: Style

    @usableFromInline var storedWidth: UInt8
    /// Always zero: they fill the bytes that would otherwise be padding, whose contents Swift
    /// leaves undefined, so that equal cells are equal bytes and a row of them compares with
    /// one `memcmp` (``Canvas/diff(from:)``).
    private let fillerA: UInt16 = 0
    private let fillerB: UInt32 = 0

    /// Inline, since the backend compares every cell of every frame with the one on screen.
    @inlinable
    public static func == (a: Cell, b: Cell) -> Bool {
        a.glyph == b.glyph && a.style == b.style && a.storedWidth == b.storedWidth
    }

    /// A cell holding `symbol` (width 1 or 2).
    public init(_ symbol: String, width: Int = 1, style: Style = .plain) {
        self.init(Glyph(symbol), width: width, style: style)
    }

    /// A cell holding `glyph` (width 1 or 2).
    @inline(__always)
    public init(_ glyph: Glyph, width: Int = 1, style: Style = .plain) {
        self.glyph = glyph
        self.storedWidth = UInt8(min(max(width, 0), 2))
        self.style = style
    }

    /// The grapheme drawn here as text; empty for a continuation cell.
    public var symbol: String { glyph.string }

    /// A blank cell in `style`.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(Glyph(ascii: 0x20), style: style) }

    /// The right half of a wide grapheme.
    public static func continuation(_ style: Style) -> Cell { Cell(Glyph.empty, width: 0, style: style) }

    /// `true` for the right half of a wide grapheme.
    public var isContinuation: Bool { storedWidth == 0 }
}
