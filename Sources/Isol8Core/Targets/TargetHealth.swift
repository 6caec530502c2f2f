import Foundation

/// One look at a target: does it answer, what does it run, how long a round trip takes,
/// and (for Docker) what its host can give a container.
public struct TargetHealth: Sendable, Equatable {
    public var target: Target
    /// `Docker 20.10.24 (API 1.41)`, `isol8 0.1.0`; nil when unreachable.
    public var version: String?
    public var roundTripMs: Double?
    public var limits: TargetLimits?
    /// Why the target did not answer.
    public var failure: String?

    public var isReachable: Bool { failure == nil }

    /// Asks the target for its version, timing the round trip.
    public static func probe(_ target: Target, keys: RemoteKeyResolver = RemoteKeyResolver()) async -> TargetHealth {
        var health = TargetHealth(target: target)
        let started = Date()
        do {
            switch target.kind {
            case .docker(let endpoint):
                if case .tls(_, _, let certificates) = endpoint, let missing = certificates.unreadableFile {
                    throw Isol8Error.invalidOption("cannot read the TLS file \(missing): set DOCKER_CERT_PATH or the target's certPath")
                }
                let client = DockerClient(endpoint: endpoint)
                let version = try await client.version()
                health.roundTripMs = Date().timeIntervalSince(started) * 1000
                let api = try await client.apiVersion()
                health.version = "Docker \(version.Version ?? "?") (API \(api))"
                health.limits = try? await client.targetLimits()
            case .server(let url, let key, _):
                let engine = try RemoteEngine(host: url, apiKey: try keys.resolve(flag: key, host: url) { _ in }, options: nil)
                let version = try await engine.serverVersion()
                health.roundTripMs = Date().timeIntervalSince(started) * 1000
                _ = try await engine.listSessions()  // a wrong key fails here, not at the first run
                health.version = "isol8 \(version)"
            }
        } catch {
            health.failure = "\(error)"
        }
        return health
    }

    public init(target: Target, version: String? = nil, roundTripMs: Double? = nil, limits: TargetLimits? = nil,
                failure: String? = nil) {
        self.target = target
        self.version = version
        self.roundTripMs = roundTripMs
        self.limits = limits
        self.failure = failure
    }
}
