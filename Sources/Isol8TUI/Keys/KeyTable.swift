/// The bindings of one context, in help order.
public struct KeyTable: Hashable, Sendable {
    /// Where they apply.
    public var context: KeyContext
    /// The bindings.
    public var bindings: [KeyBinding]

    /// Creates a table.
    public init(_ context: KeyContext, _ bindings: [KeyBinding]) {
        self.context = context
        self.bindings = bindings
    }
}
