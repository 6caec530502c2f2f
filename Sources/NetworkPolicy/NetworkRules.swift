/// The allow (whitelist) and deny (blacklist) patterns of a filtered container, and the
/// per-host verdict of compat §3.4.
public struct NetworkRules: Sendable, Equatable {
    /// Hosts to allow; empty means "allow everything not denied".
    public let whitelist: [HostPattern]
    /// Hosts to deny; checked first, so a deny always beats an allow.
    public let blacklist: [HostPattern]

    /// Rules from already compiled patterns.
    public init(whitelist: [HostPattern] = [], blacklist: [HostPattern] = []) {
        self.whitelist = whitelist
        self.blacklist = blacklist
    }

    /// No filter at all: every host is allowed.
    public static let allowAll = NetworkRules()

    /// Compiles every pattern of both lists before anything runs.
    /// - Throws: `InvalidPatternError` for the first invalid pattern (whitelist first).
    public static func validated(whitelist: [String], blacklist: [String]) throws -> NetworkRules {
        NetworkRules(
            whitelist: try whitelist.map(HostPattern.init),
            blacklist: try blacklist.map(HostPattern.init)
        )
    }

    /// The verdict for `host` (compat §3.4), judged on its canonical form (`CanonicalHost`), so
    /// `DENIED.test` or `0xac110001` meet the rules written for `denied.test` and `172.17.0.1`:
    /// 1. any deny pattern matches → block;
    /// 2. no allow patterns → allow;
    /// 3. otherwise allow iff any allow pattern matches.
    ///
    /// A host containing a NUL byte is always blocked: C APIs (the regex matcher, DNS) would see
    /// only the part before the NUL, so no verdict on the whole name could be trusted.
    public func evaluate(_ host: String) -> NetworkAction {
        decide(host).action
    }

    /// The verdict for `host` with the rule that gave it (see `evaluate`): the first matching
    /// deny pattern, else the first matching allow pattern, else the default that applied.
    public func decide(_ host: String) -> NetworkDecision {
        if host.utf8.contains(0) { return .invalidHost }
        let host = CanonicalHost.of(host)
        if let index = blacklist.firstIndex(where: { $0.matches(host) }) {
            return .denied(index: index, pattern: blacklist[index].source)
        }
        if whitelist.isEmpty { return .allowedByEmptyAllowlist }
        if let index = whitelist.firstIndex(where: { $0.matches(host) }) {
            return .allowed(index: index, pattern: whitelist[index].source)
        }
        return .notAllowlisted
    }
}
