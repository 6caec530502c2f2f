/// One terminal cell: a grapheme, how many columns it covers, and its style.
///
/// A wide grapheme (CJK, most emoji) lives in a lead cell of width 2 followed by a
/// continuation cell (empty symbol, width 0) that the backend never draws.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; empty for a continuation cell.
    public var symbol: String
    /// Columns covered: 1, 2 (wide lead) or 0 (continuation).
    public var width: Int { Int(storedWidth) }
    /// Colours and attributes.
    public var style: Style

    private var storedWidth: UInt8

    /// A cell holding `symbol` (width 1 or 2).
    public init(_ symbol: String, width: Int = 1, style: Style = .plain) {
        self.symbol = symbol
        self.storedWidth = UInt8(min(max(width, 0), 2))
        self.style = style
    }

    /// A blank cell in `style`.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(" ", style: style) }

    /// The right half of a wide grapheme.
    public static func continuation(_ style: Style) -> Cell { Cell("", width: 0, style: style) }

    /// `true` for the right half of a wide grapheme.
    public var isContinuation: Bool { storedWidth == 0 }
}
