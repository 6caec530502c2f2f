/// Numbers written the way JavaScript writes them (`1`, not Swift's `1.0`), for text that
/// must read like the original's output.
public enum JSNumber {
    public static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
