import TerminalKit

/// What a piece of code is, for colouring.
public enum SyntaxToken: Hashable, Sendable {
    case plain, keyword, string, comment, number

    /// The theme role a token is drawn in.
    public var role: ThemeRole {
        switch self {
        case .plain: return .text
        case .keyword: return .syntaxKeyword
        case .string: return .syntaxString
        case .comment: return .syntaxComment
        case .number: return .syntaxNumber
        }
    }
}
