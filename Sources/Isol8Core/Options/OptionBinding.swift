/// Where an option's value lives in a settings struct (`Isol8Config` or `Isol8Options`),
/// and how it is read out and written back as an ``OptionValue``.
public struct OptionBinding<Root>: Sendable {
    let read: @Sendable (Root) -> OptionValue
    let write: @Sendable (inout Root, OptionValue) -> Void
}

extension OptionBinding {
    static func toggle(_ path: WritableKeyPath<Root, Bool> & Sendable) -> Self {
        Self(read: { .toggle($0[keyPath: path]) }, write: { root, value in
            if case .toggle(let on) = value { root[keyPath: path] = on }
        })
    }

    static func integer(_ path: WritableKeyPath<Root, Int> & Sendable) -> Self {
        Self(read: { .integer($0[keyPath: path]) }, write: { root, value in
            if case .integer(let n) = value { root[keyPath: path] = n }
        })
    }

    static func number(_ path: WritableKeyPath<Root, Double> & Sendable) -> Self {
        Self(read: { .number($0[keyPath: path]) }, write: { root, value in
            if case .number(let x) = value { root[keyPath: path] = x }
        })
    }

    /// A size kept as the text it was written in (`"512m"`).
    static func sizeText(_ path: WritableKeyPath<Root, String> & Sendable) -> Self {
        Self(read: { root in (try? ByteSize(root[keyPath: path])).map(OptionValue.size) ?? .text(root[keyPath: path]) },
             write: { root, value in if case .size(let size) = value { root[keyPath: path] = size.text } })
    }

    /// A size kept as a byte count.
    static func bytes(_ path: WritableKeyPath<Root, Int> & Sendable) -> Self {
        Self(read: { .size(ByteSize(bytes: Int64($0[keyPath: path]))) }, write: { root, value in
            if case .size(let size) = value { root[keyPath: path] = Int(size.bytes) }
        })
    }

    static func text(_ path: WritableKeyPath<Root, String> & Sendable) -> Self {
        Self(read: { .text($0[keyPath: path]) }, write: { root, value in
            if case .text(let text) = value { root[keyPath: path] = text }
        })
    }

    static func optionalText(_ path: WritableKeyPath<Root, String?> & Sendable) -> Self {
        Self(read: { $0[keyPath: path].map(OptionValue.text) ?? .unset }, write: { root, value in
            switch value {
            case .text(let text): root[keyPath: path] = text
            case .unset: root[keyPath: path] = nil
            default: break
            }
        })
    }

    static func list(_ path: WritableKeyPath<Root, [String]> & Sendable) -> Self {
        Self(read: { .list($0[keyPath: path]) }, write: { root, value in
            if case .list(let items) = value { root[keyPath: path] = items }
        })
    }

    static func choice<E: RawRepresentable>(_ path: WritableKeyPath<Root, E> & Sendable) -> Self where E.RawValue == String {
        Self(read: { .text($0[keyPath: path].rawValue) }, write: { root, value in
            if case .text(let text) = value, let parsed = E(rawValue: text) { root[keyPath: path] = parsed }
        })
    }

    static func pairs(_ path: WritableKeyPath<Root, [String: String]> & Sendable) -> Self {
        Self(read: { .pairs($0[keyPath: path]) }, write: { root, value in
            if case .pairs(let pairs) = value { root[keyPath: path] = pairs }
        })
    }

    static func pool(_ path: WritableKeyPath<Root, PoolSize> & Sendable) -> Self {
        Self(read: { .pool($0[keyPath: path]) }, write: { root, value in
            if case .pool(let size) = value { root[keyPath: path] = size }
        })
    }
}
