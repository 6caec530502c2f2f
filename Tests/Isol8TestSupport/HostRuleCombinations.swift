/// Twenty host/rule combinations that the proxy tests run through the real `isol8-proxy` and
/// the TUI tests through `:test-host`, so the two are checked against the same cases. Every
/// host is a loopback name: an allowed CONNECT makes the proxy dial it, and nothing may leave
/// the machine.
public enum HostRuleCombinations {
    public static let ruleSets: [(allow: [String], deny: [String])] = [
        ([], []),
        (["^local"], ["^localhost$"]),
        (["^localhost$", "^127\\.0\\.0\\.1$"], []),
        ([], ["^127\\.", "^local"]),
        (["\\.2$"], ["^127\\.0\\.0\\.1$"]),
    ]
    public static let hosts = ["localhost", "127.0.0.1", "127.0.0.2", "LOCALHOST"]

    public static let all: [(allow: [String], deny: [String], host: String)] =
        ruleSets.flatMap { rules in hosts.map { (rules.allow, rules.deny, $0) } }
}
