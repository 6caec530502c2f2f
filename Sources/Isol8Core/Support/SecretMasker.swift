/// Replaces every secret value with `***` (spec §2.12 step 3), secrets in a fixed order.
public struct SecretMasker: Sendable {
    private let values: [String]

    public init(secrets: [String: String]) {
        values = secrets.keys.sorted().compactMap { secrets[$0] }.filter { !$0.isEmpty }
    }

    public var isEmpty: Bool { values.isEmpty }

    public func mask(_ text: String) -> String {
        values.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }
}
