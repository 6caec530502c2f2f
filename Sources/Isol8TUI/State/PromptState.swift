import TerminalKit

/// The one-line prompt on the status row: a `:` command or a `/` search.
public struct PromptState: Sendable {
    /// What Enter does with the text.
    public enum Mode: Equatable, Sendable {
        case command
        case search
    }

    /// What Enter does with the text.
    public var mode: Mode
    /// The text field (with its own history).
    public var input: TextInput
    /// Why the last submission was refused; shown in place until the text changes.
    public var error: String?
    /// Completion candidates from the last Tab.
    public var candidates: [String] = []

    /// Creates a prompt.
    public init(mode: Mode, input: TextInput) {
        self.mode = mode
        self.input = input
    }

    /// The prompt character.
    public var symbol: String { mode == .command ? ":" : "/" }
}
