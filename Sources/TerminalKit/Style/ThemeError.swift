/// Why a theme file was rejected. Every case names the offending key as a path such as
/// `roles.stderr.fg`, so the message points at the line to fix.
public enum ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is not valid JSON.
    case invalidJSON(String)
    /// A key the format does not know (a misspelt role or property).
    case unknownKey(String)
    /// A value of the wrong JSON type.
    case wrongType(key: String, expected: String)
    /// A colour that is not a name, 0–255 or `#rrggbb`.
    case invalidColor(key: String, value: String)
    /// An attribute that is not bold, dim, italic, underline or reverse.
    case invalidAttribute(key: String, value: String)

    /// The dotted path of the offending key, when there is one.
    public var key: String? {
        switch self {
        case .invalidJSON: return nil
        case .unknownKey(let k): return k
        case .wrongType(let k, _), .invalidColor(let k, _), .invalidAttribute(let k, _): return k
        }
    }

    public var description: String {
        switch self {
        case .invalidJSON(let detail):
            return "theme: not valid JSON (\(detail))"
        case .unknownKey(let key):
            if key.hasPrefix("roles.") && key.split(separator: ".").count == 2 {
                let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
                return "theme: unknown role '\(key)'; known roles: \(known)"
            }
            return "theme: unknown key '\(key)'; a role takes fg, bg and attrs"
        case .wrongType(let key, let expected):
            return "theme: '\(key)' must be \(expected)"
        case .invalidColor(let key, let value):
            return "theme: '\(key)' has colour '\(value)'; use a name (red, brightBlue, default), 0-255 or #rrggbb"
        case .invalidAttribute(let key, let value):
            return "theme: '\(key)' has attribute '\(value)'; use bold, dim, italic, underline or reverse"
        }
    }
}
