import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who made a container, written as labels on every container the engine creates, so that
/// a later process can tell the orphans of a crashed client or server from live runs and
/// from containers kept on purpose (`persist`). The label names are the contract with
/// every front end that reaps orphans (`OrphanReaper`).
public struct ContainerOwner: Sendable, Equatable {
    public static let hostLabel = "isol8.owner.host"
    public static let pidLabel = "isol8.owner.pid"
    /// The owner's start time (clock ticks after boot, `/proc/<pid>/stat` field 22): a pid
    /// reused by another process has another start time.
    public static let startLabel = "isol8.owner.started"
    /// "true" on a container meant to outlive its owner (`persist`).
    public static let keepLabel = "isol8.owner.keep"

    public var host: String
    public var pid: Int32
    public var started: String

    public init(host: String, pid: Int32, started: String) {
        self.host = host
        self.pid = pid
        self.started = started
    }

    /// This process.
    public static let current = ContainerOwner(host: hostName(), pid: getpid(), started: startTime(of: getpid()) ?? "")

    /// The owner a container's labels name; nil for a container without them (made by the
    /// original isol8 or an older build), which is never taken for an orphan.
    public init?(labels: [String: String]) {
        guard let host = labels[Self.hostLabel], let pid = labels[Self.pidLabel].flatMap(Int32.init),
              let started = labels[Self.startLabel] else { return nil }
        self.init(host: host, pid: pid, started: started)
    }

    public func labels(keep: Bool) -> [String: String] {
        [Self.hostLabel: host, Self.pidLabel: String(pid), Self.startLabel: started, Self.keepLabel: keep ? "true" : "false"]
    }

    /// Whether this owner still runs. Only answerable for owners on this host.
    public var isRunning: Bool {
        Self.startTime(of: pid) == started
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "unknown" }
        return String(cString: buffer)
    }

    /// Field 22 of `/proc/<pid>/stat`; nil when no such process exists.
    static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let nameEnd = stat.lastIndex(of: ")") else { return nil }
        // After the parenthesised name come fields 3, 4, …: field 22 is the 20th of them.
        let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }
}
