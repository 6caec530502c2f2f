import Foundation

/// The `remoteCode` policy (spec §2.19): who may be fetched, how much, how long.
public struct RemoteCodePolicy: Codable, Sendable, Equatable {
    public var enabled = false
    public var allowedSchemes = ["https"]
    public var allowedHosts: [String] = []
    public var blockedHosts: [String] = []
    public var maxCodeSize = 10_485_760
    public var fetchTimeoutMs = 30_000
    public var requireHash = false

    public init() {}

    public init(_ config: Isol8Config.RemoteCode) {
        enabled = config.enabled
        allowedSchemes = config.allowedSchemes
        allowedHosts = config.allowedHosts
        blockedHosts = config.blockedHosts
        maxCodeSize = config.maxCodeSize
        fetchTimeoutMs = config.fetchTimeoutMs
        requireHash = config.requireHash
    }
}
