import Foundation

/// Builds the engine and the inspector for a target: a `DockerEngine` on that daemon, or a
/// `RemoteEngine` on that isol8 server with its key found as `isol8 run --host` finds it.
public struct EngineFactory: Sendable {
    public var keys: RemoteKeyResolver

    public init(keys: RemoteKeyResolver = RemoteKeyResolver()) {
        self.keys = keys
    }

    public func engine(for target: Target, options: Isol8Options, maxConcurrent: Int,
                       warn: (String) -> Void = { _ in }) throws -> any Isol8Engine {
        switch target.kind {
        case .docker(let endpoint):
            return try DockerEngine(options: options, maxConcurrent: maxConcurrent, client: DockerClient(endpoint: endpoint))
        case .server(let url, let key, let session):
            let apiKey = try keys.resolve(flag: key, host: url, warn: warn)
            return try RemoteEngine(host: url, apiKey: apiKey, sessionId: session, options: options)
        }
    }

    /// The target's inspector; nil for a server, which offers no container inspection yet.
    public func inspector(for target: Target) -> (any SandboxInspector)? {
        guard case .docker(let endpoint) = target.kind else { return nil }
        return ContainerInspector(client: DockerClient(endpoint: endpoint))
    }
}
