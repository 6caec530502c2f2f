/// Reading themes from JSON files such as
/// `{"name": "solarized", "roles": {"stderr": {"fg": "red", "bg": "default", "attrs": ["bold"]}}}`.
///
/// Colours are names, palette indexes (number or string `0`–`255`) or `#rrggbb`. Roles not in
/// the file keep the base theme's style; a role that is present replaces it field by field.
extension Theme {
    /// Parses a theme file's bytes (`[UInt8]`, `Data`) on top of `base`.
    public static func load<Bytes: Sequence>(json bytes: Bytes, base: Theme = .default) throws -> Theme
    where Bytes.Element == UInt8 {
        guard case .object(let root) = try JSONValue.parse(Array(bytes)) else {
            throw ThemeError.wrongType(key: "(top level)", expected: "an object with \"roles\"")
        }
        var theme = base
        for (key, value) in root {
            switch key {
            case "name":
                guard case .string(let name) = value else {
                    throw ThemeError.wrongType(key: "name", expected: "a string")
                }
                theme.name = name
            case "description", "comment", "$schema":
                continue
            case "roles":
                guard case .object(let roles) = value else {
                    throw ThemeError.wrongType(key: "roles", expected: "an object of role names")
                }
                // Sorted so the first error reported does not depend on dictionary order.
                for (roleKey, spec) in roles.sorted(by: { $0.key < $1.key }) {
                    guard let role = ThemeRole(key: roleKey) else {
                        throw ThemeError.unknownKey("roles.\(roleKey)")
                    }
                    theme[role] = try parseStyle(spec, key: "roles.\(roleKey)", base: theme[role])
                }
            default:
                throw ThemeError.unknownKey(key)
            }
        }
        return theme
    }

    /// Parses a theme file's text on top of `base`.
    public static func load(json text: String, base: Theme = .default) throws -> Theme {
        try load(json: text.utf8, base: base)
    }

    private static func parseStyle(_ value: JSONValue, key: String, base: Style) throws -> Style {
        guard case .object(let fields) = value else {
            throw ThemeError.wrongType(key: key, expected: "an object with fg, bg and attrs")
        }
        var style = base
        for (field, v) in fields.sorted(by: { $0.key < $1.key }) {
            let path = "\(key).\(field)"
            switch field {
            case "fg": style.fg = try parseColor(v, key: path)
            case "bg": style.bg = try parseColor(v, key: path)
            case "attrs", "attributes":
                style.attributes = try parseAttributes(v, key: path)
            default:
                throw ThemeError.unknownKey(path)
            }
        }
        return style
    }

    private static func parseColor(_ value: JSONValue, key: String) throws -> Color {
        switch value {
        case .string(let s):
            guard let c = Color(parsing: s) else { throw ThemeError.invalidColor(key: key, value: s) }
            return c
        case .number(let n):
            guard n.rounded() == n, n >= 0, n <= 255 else {
                throw ThemeError.invalidColor(key: key, value: "\(n)")
            }
            return .indexed(UInt8(n))
        case .null:
            return .default
        default:
            throw ThemeError.wrongType(key: key, expected: "a colour name, 0-255 or \"#rrggbb\"")
        }
    }

    private static func parseAttributes(_ value: JSONValue, key: String) throws -> TextAttributes {
        let items: [JSONValue]
        switch value {
        case .array(let a): items = a
        case .string: items = [value]
        default: throw ThemeError.wrongType(key: key, expected: "a list of attribute names")
        }
        var attrs: TextAttributes = []
        for (i, item) in items.enumerated() {
            guard case .string(let name) = item else {
                throw ThemeError.wrongType(key: "\(key)[\(i)]", expected: "an attribute name")
            }
            guard let a = TextAttributes(name: name) else {
                throw ThemeError.invalidAttribute(key: "\(key)[\(i)]", value: name)
            }
            attrs.formUnion(a)
        }
        return attrs
    }
}
