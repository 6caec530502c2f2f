/// The active `/` search of a text pane: the query and the line of the current match.
public struct OutputSearch: Hashable, Sendable {
    /// Matches the query.
    public var matcher: TextMatcher
    /// Index (in the pane's lines) of the current match; `nil` when nothing matched.
    public var currentLine: Int?

    /// Creates a search with no current match yet.
    public init(matcher: TextMatcher, currentLine: Int? = nil) {
        self.matcher = matcher
        self.currentLine = currentLine
    }
}
