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
        public var shmSize = "16m"
        public var readonlyRootFs = true
    }

    public struct Cleanup: Sendable, Equatable {
        public var autoPrune = true
        public var maxContainerAgeMs = 3_600_000
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
    /// The loader's default blocks the SSRF host list; the engine's own default does not.
    public var remoteCode = RemoteCodePolicy(blockedHosts: RemoteCodePolicy.defaultBlockedHosts)
    public var audit = AuditConfig()
    public var auth = Auth()
    public var prebuiltImages: [PrebuiltImage] = []
    public var debug = false
    /// Port addition: package sources for installs (`packages.pipIndexUrl`, `packages.npmRegistry`).
    public var packages = PackageIndex()
    /// Port addition: named targets (`targets.NAME.docker` / `.server`) the TUI can switch to.
    public var targets: [Target] = []
    /// Port addition: TUI settings (`tui.theme`, `tui.keys`, `tui.mouse`, …) kept as raw JSON text values.
    public var tui: [String: String] = [:]

    public init() {}
}
