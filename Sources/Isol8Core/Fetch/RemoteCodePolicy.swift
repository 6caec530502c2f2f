import Foundation

/// The `remoteCode` policy (compat §2.19): who may be fetched, how much, how long.
public struct RemoteCodePolicy: Codable, Sendable, Equatable {
    public var enabled = false
    public var allowedSchemes = ["https"]
    public var allowedHosts: [String] = []
    public var blockedHosts: [String] = []
    public var maxCodeSize = 10_485_760
    public var fetchTimeoutMs = 30_000
    public var requireHash = false
    /// Accepted for compatibility; the original never used them either.
    public var enableCache = true
    public var cacheTtl = 3600

    public init(blockedHosts: [String] = []) {
        self.blockedHosts = blockedHosts
    }

    /// compat §2.19: loopback, private ranges, link-local and cloud metadata hosts.
    public static let defaultBlockedHosts = [
        #"^localhost$"#, #"^127(?:\.[0-9]{1,3}){3}$"#, #"^\[::1\]$"#, #"^::1$"#, #"^10(?:\.[0-9]{1,3}){3}$"#,
        #"^172\.(?:1[6-9]|2[0-9]|3[0-1])(?:\.[0-9]{1,3}){2}$"#, #"^192\.168(?:\.[0-9]{1,3}){2}$"#,
        #"^169\.254(?:\.[0-9]{1,3}){2}$"#, #"^metadata\.google\.internal$"#, #"^169\.254\.169\.254$"#,
    ]
}
