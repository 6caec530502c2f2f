/// A knob's key and value at one moment.
public struct KnobValue: Hashable, Sendable {
    /// The Config-pane key (`memoryLimit`).
    public var key: String
    /// The value as shown.
    public var value: String

    /// Creates a value.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
