import Glibc
import NetworkPolicy

/// The proxy's state directory (`/tmp/isol8-proxy/` in the images): the pattern files and the
/// two logs the engine reads (compat §3.2, §3.6).
struct StateDirectory: Sendable {
    static let defaultPath = "/tmp/isol8-proxy"

    let path: String
    var networkLog: String { path + "/network.jsonl" }
    var securityEvents: String { path + "/security-events.jsonl" }
    var whitelistFile: String { path + "/whitelist" }
    var blacklistFile: String { path + "/blacklist" }

    /// Creates the directory and its files.
    ///
    /// The logs are created when missing but never truncated: a pooled container restarts the
    /// proxy on every acquire, and the engine remembers byte offsets into these files.
    func prepare(whitelist: [String], blacklist: [String]) throws {
        try makeDirectories(path)
        try FileText.write(PatternList.encodeLines(whitelist), to: whitelistFile)
        try FileText.write(PatternList.encodeLines(blacklist), to: blacklistFile)
        try FileText.touch(networkLog)
        try FileText.touch(securityEvents)
    }

    /// Appends one network log line.
    func append(_ record: NetworkLogRecord) {
        FileText.appendLine(record.jsonLine(), to: networkLog)
    }

    /// Appends one security event line.
    func append(_ event: SecurityEventRecord) {
        FileText.appendLine(event.jsonLine(), to: securityEvents)
    }

    /// `mkdir -p`.
    private func makeDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw FileText.Failure(message: "cannot create \(prefix): \(FileText.errorText())")
            }
        }
    }
}
