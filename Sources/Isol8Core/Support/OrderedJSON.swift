import Foundation

/// A JSON object that keeps insertion order (JSONSerialization sorts or shuffles keys).
struct OrderedJSON {
    /// Stands for JSON `null` (assigning nil removes the key instead).
    static let null = NSNull()

    private var pairs: [(String, Any)] = []

    subscript(key: String) -> Any? {
        get { pairs.first { $0.0 == key }?.1 }
        set {
            pairs.removeAll { $0.0 == key }
            if let newValue { pairs.append((key, newValue)) }
        }
    }

    func render(pretty: Bool, indent: Int) -> String {
        guard !pairs.isEmpty else { return "{}" }
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let close = pretty ? "\n" + String(repeating: "  ", count: indent) + "}" : "}"
        let items = pairs.map { key, value in pad + Self.quote(key) + (pretty ? ": " : ":") + Self.value(value, pretty: pretty, indent: indent + 1) }
        return "{" + (pretty ? "\n" : "") + items.joined(separator: pretty ? ",\n" : ",") + close
    }

    private static func value(_ value: Any, pretty: Bool, indent: Int) -> String {
        switch value {
        case let object as OrderedJSON: return object.render(pretty: pretty, indent: indent)
        case let objects as [OrderedJSON]:
            guard !objects.isEmpty else { return "[]" }
            let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
            let close = pretty ? "\n" + String(repeating: "  ", count: indent) + "]" : "]"
            return "[" + (pretty ? "\n" : "") + objects.map { pad + $0.render(pretty: pretty, indent: indent + 1) }.joined(separator: pretty ? ",\n" : ",") + close
        case let strings as [String]:
            guard !strings.isEmpty else { return "[]" }
            let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
            let close = pretty ? "\n" + String(repeating: "  ", count: indent) + "]" : "]"
            return "[" + (pretty ? "\n" : "") + strings.map { pad + quote($0) }.joined(separator: pretty ? ",\n" : ",") + close
        case let text as String: return quote(text)
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        case let number as Double: return JSNumber.text(number)
        default: return "null"
        }
    }

    private static func quote(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }
}
