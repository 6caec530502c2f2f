/// The transient message on the status line (the last result comes from the history).
public struct StatusState: Equatable, Sendable {
    /// The message.
    public var message: String?
    /// Draw it as an error.
    public var isError = false

    /// Creates an empty status.
    public init() {}

    /// Shows a message.
    public mutating func say(_ text: String, error: Bool = false) {
        message = text
        isError = error
    }
}
