/// What decided a host's verdict: which rule matched, or which default applied. Carried by the
/// proxy's log line (`rule`) so a BLOCK for a denied host reads differently from one for a host
/// that is simply not allowlisted.
public enum NetworkDecision: Sendable, Equatable {
    /// Deny pattern `index` (0-based, in list order) matched; deny beats allow.
    case denied(index: Int, pattern: String)
    /// Allow pattern `index` (0-based) matched and no deny pattern did.
    case allowed(index: Int, pattern: String)
    /// Allow patterns exist and none matched.
    case notAllowlisted
    /// No deny pattern matched and the allow list is empty: everything else is allowed.
    case allowedByEmptyAllowlist
    /// The host held a NUL byte; no pattern can judge it.
    case invalidHost

    /// The verdict this decision gives.
    public var action: NetworkAction {
        switch self {
        case .allowed, .allowedByEmptyAllowlist: return .allow
        case .denied, .notAllowlisted, .invalidHost: return .block
        }
    }

    /// The log field: `deny 1 ^allow`, `allow 2 ^api\.test$`, `not-allowlisted`,
    /// `empty-allowlist` or `invalid-host`. Rule numbers count from 1, as people read lists.
    public var logText: String {
        switch self {
        case .denied(let index, let pattern): return "deny \(index + 1) \(pattern)"
        case .allowed(let index, let pattern): return "allow \(index + 1) \(pattern)"
        case .notAllowlisted: return "not-allowlisted"
        case .allowedByEmptyAllowlist: return "empty-allowlist"
        case .invalidHost: return "invalid-host"
        }
    }

    /// The sentence a person reads: `deny rule 1 (^allow) matched`.
    public var explanation: String {
        switch self {
        case .denied(let index, let pattern): return "deny rule \(index + 1) (\(pattern)) matched"
        case .allowed(let index, let pattern): return "allow rule \(index + 1) (\(pattern)) matched"
        case .notAllowlisted: return "no allow rule matched (not in the allowlist)"
        case .allowedByEmptyAllowlist: return "allowed: no deny rule matched and the allowlist is empty"
        case .invalidHost: return "the host name holds a NUL byte"
        }
    }
}
