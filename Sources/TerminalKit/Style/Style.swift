/// How a cell looks: foreground, background and attributes.
public struct Style: Hashable, Sendable {
    /// Text colour.
    public var fg: Color
    /// Background colour.
    public var bg: Color
    /// Bold, dim, italic, underline, reverse.
    public var attributes: TextAttributes

    /// Creates a style; everything defaults to the terminal's own look.
    public init(fg: Color = .default, bg: Color = .default, attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
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
