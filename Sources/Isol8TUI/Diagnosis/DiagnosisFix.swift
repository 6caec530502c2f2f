/// A fix as the `:` commands that make it, so it is checked and applied exactly as if typed
/// (`:set memory 64m`, `:allow ^api\.test$`).
public struct DiagnosisFix: Hashable, Sendable {
    /// The commands, without the leading `:`, applied in order.
    public var commands: [String]

    /// Creates a fix.
    public init(_ commands: [String]) {
        self.commands = commands
    }

    /// How the status line and the Diagnosis view name it: `:set memory 64m`.
    public var summary: String {
        commands.map { ":" + $0 }.joined(separator: " ")
    }
}
