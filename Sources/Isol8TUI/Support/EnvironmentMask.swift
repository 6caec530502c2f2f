/// Hides secret values in a container's environment before it reaches the screen: the
/// values of the run's `secrets`, and of any variable whose name says it holds one.
enum EnvironmentMask {
    static let mask = "••••••"
    private static let secretWords = ["SECRET", "TOKEN", "PASSWORD", "PASSWD", "KEY", "CREDENTIAL", "AUTH"]

    /// `NAME=value` with the value replaced when it is secret.
    static func masked(_ entry: String, secrets: [String]) -> String {
        guard let equals = entry.firstIndex(of: "=") else { return entry }
        let name = entry[..<equals].uppercased()
        let value = entry[entry.index(after: equals)...]
        let isSecret = secretWords.contains { name.contains($0) } || (!value.isEmpty && secrets.contains { $0 == value })
        return isSecret && !value.isEmpty ? entry[...equals] + mask : entry
    }
}
