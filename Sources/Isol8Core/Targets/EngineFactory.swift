import Foundation
import Logging

/// Builds the engine and the inspector for a target: a `DockerEngine` on that daemon, or a
/// `RemoteEngine` on that isol8 server with its key found as `isol8 run --host` finds it.
public struct EngineFactory: Sendable {
    public var keys: RemoteKeyResolver

    public init(keys: RemoteKeyResolver = RemoteKeyResolver()) {
        self.keys = keys
    }

    /// The engine's lines go to `logger`, with `[DEBUG]` lines as `options.debug` says.
    public func engine(for target: Target, options: Isol8Options, maxConcurrent: Int, logger: Logger,
                       warn: (String) -> Void = { _ in }) throws -> any Isol8Engine {
        switch target.kind {
        case .docker(let endpoint):
            return try DockerEngine(options: options, maxConcurrent: maxConcurrent, client: DockerClient(endpoint: endpoint), logger: logger)
        case .server(let url, let key, let session):
            let apiKey = try keys.resolve(flag: key, host: url, warn: warn)
            return try RemoteEngine(host: url, apiKey: apiKey, sessionId: session, options: options, logger: logger)
        }
    }

    /// The target's isol8 server, for what only a server offers (its own log); nil on Docker.
    public func server(for target: Target) throws -> RemoteEngine? {
        guard case .server(let url, let key, _) = target.kind else { return nil }
        return try RemoteEngine(host: url, apiKey: try keys.resolve(flag: key, host: url, warn: { _ in }))
    }

    /// A persistent engine bound to a sandbox that already exists: on Docker the container
    /// (adopted, so stopping the engine leaves it running), on a server the session.
    public func attachedEngine(for target: Target, sandbox id: String, runtime: Runtime, options: Isol8Options,
                               maxConcurrent: Int, logger: Logger) async throws -> any Isol8Engine {
        var options = options
        options.mode = .persistent
        options.persist = false
        switch target.kind {
        case .docker(let endpoint):
            let engine = try DockerEngine(options: options, maxConcurrent: maxConcurrent, client: DockerClient(endpoint: endpoint), logger: logger)
            try await engine.adopt(containerId: id, runtime: runtime)
            return engine
        case .server(let url, let key, _):
            let apiKey = try keys.resolve(flag: key, host: url, warn: { _ in })
            return try RemoteEngine(host: url, apiKey: apiKey, sessionId: id, options: options, logger: logger)
        }
    }

    /// The target's inspector: containers by id on Docker, sessions by id on a server; nil when
    /// the server's key cannot be found.
    public func inspector(for target: Target) -> (any SandboxInspector)? {
        switch target.kind {
        case .docker(let endpoint):
            return ContainerInspector(client: DockerClient(endpoint: endpoint))
        case .server:
            return (try? server(for: target))?.inspector
        }
    }

    /// The target's sandbox list: isol8 containers on Docker, sessions on a server; nil when
    /// the server's key cannot be found.
    public func lister(for target: Target) -> (any SandboxLister)? {
        switch target.kind {
        case .docker(let endpoint):
            return DockerSandboxLister(client: DockerClient(endpoint: endpoint))
        case .server:
            return (try? server(for: target)).map(RemoteSessionLister.init)
        }
    }
}
