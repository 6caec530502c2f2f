/// One allow/deny rule: a POSIX extended regular expression matched against a hostname.
///
/// Semantics are those of the original's `grep -E` — unanchored search (write `^…$` for an exact
/// host), no JavaScript extensions such as `(?:…)` or `\d` — except that matching ignores
/// letter case, as host names do (the original matched case-sensitively, so `DENIED.test`
/// passed a rule for `denied.test`).
public struct HostPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern text as written by the user.
    public let source: String
    private let regex: CompiledRegex

    /// Compiles `source`.
    /// - Throws: `InvalidPatternError` when `source` is not a valid extended regex.
    public init(_ source: String) throws {
        switch CompiledRegex.compile(source) {
        case .success(let regex):
            self.source = source
            self.regex = regex
        case .failure(let failure):
            throw InvalidPatternError(pattern: source, reason: failure.reason)
        }
    }

    /// True when the pattern matches anywhere in `host`.
    public func matches(_ host: String) -> Bool {
        // A C string stops at the first NUL, so a host with an embedded NUL would be judged by
        // its prefix only; no real hostname contains one, so it never matches.
        if host.utf8.contains(0) { return false }
        return regex.matches(host)
    }

    public var description: String { source }

    public static func == (lhs: HostPattern, rhs: HostPattern) -> Bool {
        lhs.source == rhs.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}
