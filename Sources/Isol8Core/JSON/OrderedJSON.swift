import Foundation

/// A JSON object built key by key in insertion order (JSONSerialization sorts or shuffles
/// keys); assigning nil leaves a key out.
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

    /// The object as JSON text, written by ``JSONValue`` (the one JSON writer of the module).
    func render(pretty: Bool) -> String {
        pretty ? value.prettyRendered : value.rendered
    }

    var value: JSONValue {
        .object(pairs.map { ($0.0, Self.value($0.1)) })
    }

    private static func value(_ item: Any) -> JSONValue {
        switch item {
        case let object as OrderedJSON: return object.value
        case let objects as [OrderedJSON]: return .array(objects.map(\.value))
        case let strings as [String]: return .array(strings.map(JSONValue.string))
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .int(number)
        case let number as Double: return .double(number)
        default: return .null
        }
    }
}
