/// What a piece of the UI means, so themes colour meanings rather than widgets.
/// The raw value is the key used in theme files.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    case text, dim, border, borderFocused, title, titleFocused
    case stdout, stderr, setup
    case allow, block
    case highlight, selection, cursor
    case statusOK, statusError
    case header, keyHint, changed
    case syntaxKeyword, syntaxString, syntaxComment, syntaxNumber

    /// Looks a theme-file key up leniently: `statusOK`, `status_ok` and `status-ok` all match.
    public init?(key: String) {
        let wanted = ThemeRole.normalise(key)
        guard let role = ThemeRole.allCases.first(where: { ThemeRole.normalise($0.rawValue) == wanted }) else {
            return nil
        }
        self = role
    }

    /// The role's place in ``allCases``: themes keep their styles in an array by it, since
    /// views ask for a role's style many times a frame and hashing was a visible cost.
    var ordinal: Int {
        switch self {
        case .text: 0
        case .dim: 1
        case .border: 2
        case .borderFocused: 3
        case .title: 4
        case .titleFocused: 5
        case .stdout: 6
        case .stderr: 7
        case .setup: 8
        case .allow: 9
        case .block: 10
        case .highlight: 11
        case .selection: 12
        case .cursor: 13
        case .statusOK: 14
        case .statusError: 15
        case .header: 16
        case .keyHint: 17
        case .changed: 18
        case .syntaxKeyword: 19
        case .syntaxString: 20
        case .syntaxComment: 21
        case .syntaxNumber: 22
        }
    }

    private static func normalise(_ key: String) -> String {
        key.lowercased().filter { $0 != "_" && $0 != "-" }
    }
}
