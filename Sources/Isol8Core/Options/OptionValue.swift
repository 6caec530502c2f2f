/// One option's value, typed by its ``OptionKind``.
public enum OptionValue: Sendable, Equatable {
    case toggle(Bool)
    case integer(Int)
    case number(Double)
    case size(ByteSize)
    case text(String)
    /// An optional option with no value (`image` left to the runtime's default).
    case unset
    case list([String])
    /// `KEY=VALUE` pairs (secrets): shown by key only.
    case pairs([String: String])
    case pool(PoolSize)
    case images([Isol8Config.PrebuiltImage])
    case targets([Target])

    /// The value as the Config pane and `config --sources` show it.
    public var display: String {
        switch self {
        case .toggle(let on): return String(on)
        case .integer(let n): return String(n)
        case .number(let x): return JSNumber.text(x)
        case .size(let size): return size.text
        case .text(let text): return text
        case .unset: return "(none)"
        case .list(let items): return items.isEmpty ? "(none)" : items.joined(separator: ", ")
        case .pairs(let pairs): return pairs.isEmpty ? "(none)" : pairs.keys.sorted().joined(separator: ", ") + " (values hidden)"
        case .pool(let size): return size.clean == size.dirty ? "\(size.clean)" : "\(size.clean),\(size.dirty)"
        case .images(let images): return images.isEmpty ? "(none)" : images.map(\.tag).joined(separator: ", ")
        case .targets(let targets): return targets.isEmpty ? "(none)" : targets.map(\.name).joined(separator: ", ")
        }
    }
}
