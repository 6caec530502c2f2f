import TerminalKit

/// One row of a key table: the keys, the command they trigger, and what it does.
public struct KeyBinding: Hashable, Sendable {
    /// The keys (the first one is shown in hints).
    public var keys: [KeyEvent]
    /// What they do.
    public var command: KeyCommand
    /// A short sentence for help and docs.
    public var description: String

    /// Creates a binding.
    public init(_ keys: [KeyEvent], _ command: KeyCommand, _ description: String) {
        self.keys = keys
        self.command = command
        self.description = description
    }
}
