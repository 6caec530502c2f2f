/// One line of run output, already sanitised (no control characters, no line break).
public struct OutputLine: Hashable, Sendable {
    /// The text.
    public var text: String
    /// Which stream or phase it came from.
    public var kind: OutputKind

    /// Creates a line.
    public init(_ text: String, kind: OutputKind) {
        self.text = text
        self.kind = kind
    }
}
