import Foundation

/// A JSON value that keeps object keys in insertion order, rendered compactly the way
/// JavaScript's `JSON.stringify` does (the wire format the isol8 API fixes byte for byte).
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered == rhs.rendered }

    /// Compact JSON text (no spaces, slashes and non-ASCII left as they are).
    public var rendered: String {
        var out = ""
        render(into: &out)
        return out
    }

    /// Indented JSON as `JSON.stringify(value, null, 2)` prints it.
    public var prettyRendered: String {
        var out = ""
        renderPretty(into: &out, depth: 0)
        return out
    }

    private func renderPretty(into out: inout String, depth: Int) {
        let pad = String(repeating: "  ", count: depth + 1)
        let close = String(repeating: "  ", count: depth)
        switch self {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                item.renderPretty(into: &out, depth: depth + 1)
                out += index < items.count - 1 ? ",\n" : "\n"
            }
            out += close + "]"
        case .object(let pairs) where !pairs.isEmpty:
            out += "{\n"
            for (index, pair) in pairs.enumerated() {
                out += pad
                Self.quote(pair.0, into: &out)
                out += ": "
                pair.1.renderPretty(into: &out, depth: depth + 1)
                out += index < pairs.count - 1 ? ",\n" : "\n"
            }
            out += close + "}"
        default:
            render(into: &out)
        }
    }

    private func render(into out: inout String) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .int(let number): out += String(number)
        case .double(let number):
            out += number.isFinite ? JSNumber.text(number) : "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.render(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += "," }
                Self.quote(pair.0, into: &out)
                out += ":"
                pair.1.render(into: &out)
            }
            out += "}"
        }
    }

    /// JSON.stringify's escaping: quote, backslash, the short control escapes, other
    /// controls as \u00XX; everything else verbatim.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        var pending = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "\u{08}": escape = "\\b"
            case "\u{0C}": escape = "\\f"
            default:
                escape = scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
            }
            if let escape {
                out.unicodeScalars.append(contentsOf: scalars[pending..<index])
                out += escape
                pending = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: scalars[pending..<scalars.endIndex])
        out += "\""
    }
}
