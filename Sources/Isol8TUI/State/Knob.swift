/// One `:set NAME VALUE` knob: its name, the Config-pane key it changes, the values offered
/// for completion, and how a value is checked and applied.
public struct Knob: Sendable {
    /// The name typed after `:set`.
    public let name: String
    /// The Config-pane key it changes.
    public let key: String
    /// What a value looks like, for help and errors (`SIZE such as 32m`).
    public let valueHint: String
    /// Values offered by completion (empty for free-form values).
    public let choices: [String]
    /// Checks `value` and applies it; throws ``KnobError`` with the reason to refuse it.
    let apply: @Sendable (String, inout KnobState) throws -> Void

    init(_ name: String, key: String, valueHint: String, choices: [String] = [],
         apply: @escaping @Sendable (String, inout KnobState) throws -> Void) {
        self.name = name
        self.key = key
        self.valueHint = valueHint
        self.choices = choices
        self.apply = apply
    }

    /// Checks and applies `value` to `knobs`, leaving them untouched when it is refused.
    public func set(_ value: String, on knobs: inout KnobState) throws {
        var copy = knobs
        try apply(value, &copy)
        knobs = copy
    }
}
