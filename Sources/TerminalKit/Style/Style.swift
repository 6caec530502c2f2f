/// How a cell looks: foreground, background and attributes.
///
/// The colours are kept packed (``Color/packed``): every cell of every frame is compared by
/// style, and two words compare inline where an enum with payloads took a call per colour.
public struct Style: Hashable, Sendable {
    @usableFromInline var fgBits: UInt32
    @usableFromInline var bgBits: UInt32
    /// Bold, dim, italic, underline, reverse.
    public var attributes: TextAttributes

    /// Creates a style; everything defaults to the terminal's own look.
    public init(fg: Color = .default, bg: Color = .default, attributes: TextAttributes = []) {
        fgBits = fg.packed
        bgBits = bg.packed
        self.attributes = attributes
    }

    /// Text colour.
    public var fg: Color {
        get { Color(packed: fgBits) }
        set { fgBits = newValue.packed }
    }

    /// Background colour.
    public var bg: Color {
        get { Color(packed: bgBits) }
        set { bgBits = newValue.packed }
    }

    @inlinable
    public static func == (a: Style, b: Style) -> Bool {
        a.fgBits == b.fgBits && a.bgBits == b.bgBits && a.attributes.rawValue == b.attributes.rawValue
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// A copy with a different foreground.
    public func fg(_ color: Color) -> Style { var s = self; s.fg = color; return s }
    /// A copy with a different background.
    public func bg(_ color: Color) -> Style { var s = self; s.bg = color; return s }
    /// A copy with `attributes` added.
    public func adding(_ attributes: TextAttributes) -> Style {
        var s = self
        s.attributes.formUnion(attributes)
        return s
    }
    /// A copy with `attributes` removed.
    public func removing(_ attributes: TextAttributes) -> Style {
        var s = self
        s.attributes.subtract(attributes)
        return s
    }

    /// This style with colours mapped to what `capability` can show; under `.none` only the
    /// attributes remain.
    public func adapted(to capability: ColorCapability) -> Style {
        Style(fg: fg.adapted(to: capability), bg: bg.adapted(to: capability), attributes: attributes)
    }
}
