import Foundation
import NetworkPolicy

/// The `filtered` network mode inside one container (compat §3.2, §3.3, §3.7): the proxy is
/// started as root, the sandbox user may only reach it, and its log is read back.
public enum FilteredNetwork {
    static let stateDirectory = "/tmp/isol8-proxy"
    static let logFile = stateDirectory + "/network.jsonl"

    /// Compiles every pattern before any container exists.
    public static func validate(_ filter: NetworkFilter?) throws {
        guard let filter else { return }
        do {
            _ = try NetworkRules.validated(whitelist: filter.whitelist, blacklist: filter.blacklist)
        } catch let error as InvalidPatternError {
            throw Isol8Error.invalidOption(error.message)
        }
    }

    /// Starts (or restarts) the proxy, waits until it listens, and applies the iptables
    /// rules — one root exec, so a pooled container is ready again in one round trip.
    static func setUp(_ container: SandboxContainer, filter: NetworkFilter?) async throws {
        var assignments = ""
        if let filter {
            assignments = "ISOL8_WHITELIST=\(ShellQuote.quote(json(filter.whitelist))) ISOL8_BLACKLIST=\(ShellQuote.quote(json(filter.blacklist))) "
        }
        let rules = [
            "/usr/sbin/iptables -A OUTPUT -o lo -j ACCEPT",
            "/usr/sbin/iptables -A OUTPUT -m state --state ESTABLISHED,RELATED -j ACCEPT",
            "/usr/sbin/iptables -A OUTPUT -p tcp -d 127.0.0.1 --dport 8118 -m owner --uid-owner 100 -j ACCEPT",
            "/usr/sbin/iptables -A OUTPUT -m owner --uid-owner 100 -j DROP",
        ].joined(separator: " && ")
        let script = """
        pkill -x isol8-proxy 2>/dev/null; mkdir -p \(stateDirectory)
        \(assignments)setsid /usr/local/bin/isol8-proxy </dev/null >\(stateDirectory)/proxy.log 2>&1 &
        i=0; until nc -z 127.0.0.1 8118 2>/dev/null; do i=$((i+1)); if [ $i -ge 50 ]; then cat \(stateDirectory)/proxy.log >&2; exit 10; fi; sleep 0.1; done
        /usr/sbin/iptables -F OUTPUT && \(rules) || exit 20
        """
        let output = try await container.runAsRoot(["sh", "-c", script])
        switch output.exitCode {
        case 0:
            container.logger.debug(.filtered, "iptables rules applied — sandbox user restricted to proxy only")
        case 10:
            throw Isol8Error.invalidOption("Proxy failed to start within timeout: \(output.stderrText.trimmingCharacters(in: .whitespacesAndNewlines))")
        default:
            throw Isol8Error.invalidOption("Failed to set up iptables rules (exit code \(output.exitCode))")
        }
    }

    /// Current size of the proxy log, so one execution reads back only its own lines.
    static func logOffset(_ container: SandboxContainer) async -> Int {
        let output = try? await container.runAsRoot(["sh", "-c", "stat -c %s \(logFile) 2>/dev/null || echo 0"])
        return Int(output?.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
    }

    /// The entries written since `offset` (compat §3.7: per execution).
    static func entries(_ container: SandboxContainer, since offset: Int) async -> [NetworkLogEntry] {
        guard let output = try? await container.runAsRoot(["sh", "-c", "tail -c +\(offset + 1) \(logFile) 2>/dev/null"]) else { return [] }
        let entries = NetworkLogRecord.decodeAll(output.stdoutText).map(entry)
        container.logger.debug(.networkLogs, "Total parsed logs: \(entries.count)")
        return entries
    }

    static func entry(_ record: NetworkLogRecord) -> NetworkLogEntry {
        NetworkLogEntry(timestamp: record.timestamp, method: record.method, host: record.host, path: record.path,
                        action: record.action.rawValue, durationMs: record.durationMs, matchedHost: record.matchedHost,
                        rule: record.rule)
    }

    private static func json(_ items: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(items)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
