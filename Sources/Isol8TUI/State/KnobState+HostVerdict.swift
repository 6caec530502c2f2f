import Isol8Core
import NetworkPolicy

/// `:test-host`: the verdict of the current allow/deny rules for a host, decided by the same
/// `NetworkRules` the filtering proxy uses, so the answer is what a run would see.
extension KnobState {
    /// `allowed.test: BLOCK — deny rule 1 (^allow) matched`, plus a note when the network mode
    /// means the rules are not consulted at all.
    public func hostVerdict(_ host: String) -> String {
        let decision = options.networkRules.decide(host)
        let verdict = "\(host): \(decision.action.rawValue) — \(decision.explanation)"
        switch options.network {
        case .filtered: return verdict
        case .none: return verdict + " (but the network is none: nothing leaves; :set net filtered)"
        case .host: return verdict + " (but the network is host: no filter applies; :set net filtered)"
        }
    }
}

extension Isol8Options {
    /// The allow/deny rules, compiled as the proxy compiles them. Every pattern was checked
    /// when it was accepted (config, flag or `:allow`), so none fails here.
    var networkRules: NetworkRules {
        let filter = networkFilter ?? NetworkFilter()
        return (try? NetworkRules.validated(whitelist: filter.whitelist, blacklist: filter.blacklist)) ?? .allowAll
    }
}

extension NetworkRules {
    /// The decision these rules give `entry`'s host, if it is the one the proxy logged: same
    /// action, and same rule when the line names one. Nil when they disagree (the entry came
    /// from other rules), so no rule is claimed that did not decide.
    func explaining(_ entry: NetworkLogEntry) -> NetworkDecision? {
        let decision = decide(entry.matchedHost ?? entry.host)
        guard decision.action.rawValue == entry.action, entry.rule == nil || entry.rule == decision.logText else { return nil }
        return decision
    }
}
