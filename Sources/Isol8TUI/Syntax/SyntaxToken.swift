import TerminalKit

/// What a piece of code is, for colouring.
public enum SyntaxToken: Hashable, Sendable {
    case plain, keyword, string, comment, number

    /// The theme role a token is drawn in. Themes have no syntax roles yet, so each token
    /// borrows the role whose look fits best and stays legible in every shipped theme.
    public var role: ThemeRole {
        switch self {
        case .plain: return .text
        case .keyword: return .keyHint
        case .string: return .allow
        case .comment: return .dim
        case .number: return .changed
        }
    }
}
