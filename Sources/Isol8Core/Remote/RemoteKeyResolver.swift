import Foundation

/// Picks the API key for a remote host (compat §8.1): `--key` > `ISOL8_API_KEY` > stored
/// credentials for the same host that have not expired.
public struct RemoteKeyResolver: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing
        public var description: String { "API key required. Use --key, ISOL8_API_KEY env var, or `isol8 login`." }
    }

    public var environment: [String: String]
    public var home: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                home: String = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) {
        self.environment = environment
        self.home = home
    }

    /// `warn` receives the expired-credentials warning text (without `[WARN] `).
    public func resolve(flag: String?, host: String, warn: (String) -> Void) throws -> String {
        if let flag, !flag.isEmpty { return flag }
        if let key = environment["ISOL8_API_KEY"], !key.isEmpty { return key }
        if let stored = StoredCredentials.load(home: home), Self.trimmed(stored.host) == Self.trimmed(host) {
            if !stored.isExpired { return stored.token }
            warn("Stored credentials have expired. Run `isol8 login` to re-authenticate.")
        }
        throw Failure.missing
    }

    static func trimmed(_ host: String) -> String { host.hasSuffix("/") ? String(host.dropLast()) : host }
}
