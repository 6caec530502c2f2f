/// POSIX single-quoting: the one quoting that needs no knowledge of the shell's other rules.
public enum ShellQuote {
    public static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    public static func join(_ argv: [String]) -> String {
        argv.map(quote).joined(separator: " ")
    }
}
