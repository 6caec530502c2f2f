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

    private static func normalise(_ key: String) -> String {
        key.lowercased().filter { $0 != "_" && $0 != "-" }
    }
}
