import Foundation

/// Outcome of a buffered execution (compat §1.3); key order matches the original's JSON.
public struct ExecutionResult: Codable, Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int
    public var durationMs: Int
    public var truncated: Bool
    public var executionId: String
    public var runtime: Runtime
    public var timestamp: String
    public var containerId: String?
    public var resourceUsage: ResourceUsage?
    public var networkLogs: [NetworkLogEntry]?
    public var files: [String: String]?
    /// Port addition: the run was stopped by the timeout (also visible as the stderr marker).
    public var timedOut: Bool?
    /// Port addition: the kernel OOM killer fired inside the container during this run.
    public var oomKilled: Bool?

    public init(stdout: String, stderr: String, exitCode: Int, durationMs: Int, truncated: Bool,
                executionId: String, runtime: Runtime, timestamp: String, containerId: String?) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
        self.durationMs = durationMs
        self.truncated = truncated
        self.executionId = executionId
        self.runtime = runtime
        self.timestamp = timestamp
        self.containerId = containerId
    }
}

public struct ResourceUsage: Codable, Sendable, Equatable {
    public var cpuPercent: Double
    public var memoryMB: Int
    public var networkBytesIn: Int
    public var networkBytesOut: Int
}

public struct NetworkLogEntry: Codable, Sendable, Equatable {
    public var timestamp: String
    public var method: String
    public var host: String
    public var path: String?
    public var action: String
    public var durationMs: Int
    /// Port addition: the canonical host the filter judged (`DENIED.test` → `denied.test`,
    /// `0xac110001` → `172.17.0.1`); nil from proxies that do not write it.
    public var matchedHost: String?
    /// Port addition: what decided the verdict (`deny 1 ^allow`, `allow 2 …`, `not-allowlisted`,
    /// `empty-allowlist`); nil from proxies that do not write it.
    public var rule: String? = nil

    /// One compact JSON object in the proxy log's field order (compat §3.6), `path` null when absent.
    public var jsonLine: String {
        var object = OrderedJSON()
        object["timestamp"] = timestamp
        object["method"] = method
        object["host"] = host
        object["path"] = path ?? OrderedJSON.null
        object["action"] = action
        object["durationMs"] = durationMs
        if let matchedHost { object["matchedHost"] = matchedHost }
        if let rule { object["rule"] = rule }
        return object.render(pretty: false)
    }
}
