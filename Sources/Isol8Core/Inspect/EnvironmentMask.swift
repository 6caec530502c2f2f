/// Hides secret values in a container's environment before it leaves the engine: the values of
/// the variables the engine labelled as secrets (`isol8.secrets`), of any variable whose name
/// says it holds one, and of values the caller knows to be secret.
public enum EnvironmentMask {
    public static let mask = "••••••"
    /// Names (comma-separated) of the secret variables in a container's environment; the values
    /// never go into a label.
    public static let secretNamesLabel = "isol8.secrets"
    private static let secretWords = ["SECRET", "TOKEN", "PASSWORD", "PASSWD", "KEY", "CREDENTIAL", "AUTH"]

    /// `NAME=value` with the value replaced when it is secret.
    public static func masked(_ entry: String, names: Set<String> = [], secrets: [String] = []) -> String {
        guard let equals = entry.firstIndex(of: "=") else { return entry }
        let name = String(entry[..<equals])
        let value = entry[entry.index(after: equals)...]
        let upper = name.uppercased()
        let isSecret = names.contains(name) || secretWords.contains { upper.contains($0) }
            || (!value.isEmpty && secrets.contains { $0 == value })
        return isSecret && !value.isEmpty ? entry[...equals] + mask : entry
    }

    /// The names a container's labels list as secret.
    public static func secretNames(labels: [String: String]) -> Set<String> {
        Set((labels[secretNamesLabel] ?? "").split(separator: ",").map(String.init))
    }
}
