/// A run of text in one style.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The text; control characters are drawn as visible escapes.
    public var text: String
    /// How it looks.
    public var style: Style

    /// Creates a span.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// Display width in columns.
    public var width: Int { DisplayWidth.of(text) }
}
