import Foundation

/// The resolved `isol8.config.json` (spec §5.3): every key with its default, file values
/// merged over them by the rules of §5.2.
public struct Isol8Config: Sendable, Equatable {
    public struct Defaults: Sendable, Equatable {
        public var timeoutMs = 30_000
        public var memoryLimit = "512m"
        public var cpuLimit = 1.0
        public var network = NetworkMode.none
        public var sandboxSize = "512m"
        public var tmpSize = "256m"
        public var readonlyRootFs = true
    }

    public struct Cleanup: Sendable, Equatable {
        public var autoPrune = true
        public var maxContainerAgeMs = 3_600_000
    }

    public struct RemoteCode: Sendable, Equatable {
        public var enabled = false
        public var allowedSchemes = ["https"]
        public var allowedHosts: [String] = []
        public var blockedHosts = RemoteCode.defaultBlockedHosts
        public var maxCodeSize = 10_485_760
        public var fetchTimeoutMs = 30_000
        public var requireHash = false
        public var enableCache = true
        public var cacheTtl = 3600

        public static let defaultBlockedHosts = [
            #"^localhost$"#, #"^127(?:\.[0-9]{1,3}){3}$"#, #"^\[::1\]$"#, #"^::1$"#, #"^10(?:\.[0-9]{1,3}){3}$"#,
            #"^172\.(?:1[6-9]|2[0-9]|3[0-1])(?:\.[0-9]{1,3}){2}$"#, #"^192\.168(?:\.[0-9]{1,3}){2}$"#,
            #"^169\.254(?:\.[0-9]{1,3}){2}$"#, #"^metadata\.google\.internal$"#, #"^169\.254\.169\.254$"#,
        ]
    }

    public struct Audit: Sendable, Equatable {
        public var enabled = false
        public var destination = "filesystem"
        public var logDir: String?
        public var postLogScript: String?
        public var trackResources = true
        public var retentionDays = 90
        public var includeCode = false
        public var includeOutput = false
    }

    public struct Auth: Sendable, Equatable {
        public var enabled = false
        public var connectionString: String?
        public var defaultTtlMs = 86_400_000
        public var cleanupIntervalMs = 3_600_000
    }

    public struct PrebuiltImage: Sendable, Equatable {
        public var tag: String
        public var runtime: String
        public var installPackages: [String]
        public var setupScript: String?
    }

    public var maxConcurrent = 10
    public var defaults = Defaults()
    public var network = NetworkFilter()
    public var cleanup = Cleanup()
    public var poolStrategy = PoolStrategy.fast
    public var poolSize = PoolSize(clean: 1, dirty: 1)
    public var security = SecurityOptions()
    public var remoteCode = RemoteCode()
    public var audit = Audit()
    public var auth = Auth()
    public var prebuiltImages: [PrebuiltImage] = []
    public var debug = false
    /// Port addition: package sources for installs (`packages.pipIndexUrl`, `packages.npmRegistry`).
    public var packages = PackageIndex()
    /// Port addition: TUI settings (`tui.theme`, `tui.keys`, `tui.mouse`, …) kept as raw JSON text values.
    public var tui: [String: String] = [:]

    public init() {}
}
