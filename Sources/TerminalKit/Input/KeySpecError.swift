/// A key spec in a keymap that ``KeyEvent/init(spec:)`` could not read.
public struct KeySpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The spec as written.
    public var spec: String
    /// What is wrong with it.
    public var reason: String

    /// Creates an error.
    public init(spec: String, reason: String) {
        self.spec = spec
        self.reason = reason
    }

    public var description: String {
        "key '\(spec)': \(reason) (examples: q, ctrl-s, alt-x, F5, shift-tab, enter, pgdn, space)"
    }
}
