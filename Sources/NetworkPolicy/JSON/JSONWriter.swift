/// Builds one JSON object as text with members in the order they are added, which the log
/// formats of compat §3.6 require.
struct JSONWriter {
    private var text = "{"
    private var isFirst = true

    mutating func add(_ key: String, string value: String) {
        addKey(key)
        text += Self.quoted(value)
    }

    mutating func add(_ key: String, optionalString value: String?) {
        addKey(key)
        text += value.map(Self.quoted) ?? "null"
    }

    mutating func add(_ key: String, int value: Int) {
        addKey(key)
        text += String(value)
    }

    /// Inserts an already rendered JSON value (a nested object).
    mutating func add(_ key: String, raw value: String) {
        addKey(key)
        text += value
    }

    func finished() -> String { text + "}" }

    private mutating func addKey(_ key: String) {
        if !isFirst { text += "," }
        isFirst = false
        text += Self.quoted(key) + ":"
    }

    /// A JSON string literal; control characters are escaped so a line never breaks.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
