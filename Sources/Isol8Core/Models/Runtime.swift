/// A language runtime, each backed by its own `isol8:<name>` image.
public enum Runtime: String, CaseIterable, Codable, Sendable {
    case python, node, bun, deno, bash, agent

    /// Registration order of the original (it decides error-message lists and extension overrides).
    public static let registrationOrder: [Runtime] = [.python, .node, .bun, .bash, .deno, .agent]
    /// The order the original prints in `Unknown runtime` messages.
    public static let listingOrder: [Runtime] = [.python, .node, .bun, .deno, .bash, .agent]
    /// Runtimes with images this port builds (the agent image needs the npm registry).
    public static let buildable: [Runtime] = [.python, .node, .bun, .deno, .bash]

    public static func named(_ name: String) throws -> Runtime {
        guard let runtime = Runtime(rawValue: name) else {
            throw Isol8Error.unknownRuntime(name)
        }
        return runtime
    }
}

public enum NetworkMode: String, CaseIterable, Codable, Sendable {
    case none, host, filtered
}

public enum Isol8Mode: String, CaseIterable, Codable, Sendable {
    case ephemeral, persistent
}

public enum PoolStrategy: String, CaseIterable, Codable, Sendable {
    case fast, secure
}

public enum SeccompMode: String, CaseIterable, Codable, Sendable {
    case strict, unconfined, custom
}
