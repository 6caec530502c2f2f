/// A network filter pattern that is not a valid POSIX extended regular expression.
public struct InvalidPatternError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pattern exactly as the user wrote it.
    public let pattern: String
    /// What is wrong with it, as reported by the C library's `regerror`.
    public let reason: String

    /// Creates an error for `pattern`, explained by `reason`.
    public init(pattern: String, reason: String) {
        self.pattern = pattern
        self.reason = reason
    }

    /// The user-facing message: `Invalid network filter pattern: "<pattern>" (<reason>)`.
    ///
    /// The prefix up to the closing quote is isol8's exact text (compat §3.4), so callers that
    /// match on it keep working; the reason tells the user what to fix.
    public var message: String {
        "Invalid network filter pattern: \"\(pattern)\" (\(reason))"
    }

    public var description: String { message }
}
