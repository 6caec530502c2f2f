/// One entry of a ``KeyHintBar``: a key and what it does.
public struct KeyHint: Hashable, Sendable {
    /// The key as shown (usually a ``KeyEvent/spec``).
    public var key: String
    /// What it does, in a word or two.
    public var label: String

    /// Creates a hint.
    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}
