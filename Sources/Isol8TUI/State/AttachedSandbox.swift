import Isol8Core

/// The sandbox the screen is attached to: runs go into it, the Container pane follows it.
public struct AttachedSandbox: Equatable, Sendable {
    /// The container id on Docker, the session id on a server.
    public var id: String
    /// What the header calls it.
    public var name: String
    /// The runtime its labels or image name, which every run in it uses; nil on a server (the
    /// session keeps the runtime of its first run).
    public var runtime: Runtime?

    public init(id: String, name: String, runtime: Runtime?) {
        self.id = id
        self.name = name
        self.runtime = runtime
    }

    public init(_ summary: SandboxSummary) {
        self.init(id: summary.id, name: summary.name.isEmpty ? String(summary.id.prefix(12)) : summary.name,
                  runtime: summary.runtime.flatMap(Runtime.init(rawValue:)))
    }

    /// The short form for the header and status line.
    public var label: String {
        guard !name.isEmpty, name != id else { return Self.short(id) }
        return "\(name) (\(Self.short(id)))"
    }

    /// A container id as Docker abbreviates it; a session id as it is.
    private static func short(_ id: String) -> String {
        id.count == 64 && id.allSatisfy(\.isHexDigit) ? String(id.prefix(12)) : id
    }
}
