/// A command or knob value the prompt refused; the message says why and what would work.
public struct KnobError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Shown in place, under the prompt.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
