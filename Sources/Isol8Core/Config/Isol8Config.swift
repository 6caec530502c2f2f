import Foundation

/// The resolved `isol8.config.json` (compat §5.3): every key with its default, file values
/// merged over them by the rules of compat §5.2.
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

    /// Port addition: `isol8 serve`'s own bounds (`server.*`).
    public struct Server: Sendable, Equatable {
        /// Largest sandbox file `GET /file` and `outputPaths` hand over.
        public var maxFileSizeBytes = FileReadLimits.defaultMaxBytes
        public var fileReadTimeoutMs = FileReadLimits.defaultTimeoutMs
        /// A connection that sends nothing for this long while a request is being read (a
        /// stalled body, a half-sent head) or between requests is closed; its first request
        /// head must arrive whole within this long of connecting.
        public var idleTimeoutMs = 30_000

        public var fileReadLimits: FileReadLimits { FileReadLimits(maxBytes: maxFileSizeBytes, timeoutMs: fileReadTimeoutMs) }
    }

    /// Port addition: which request options DB-backed (tenant) keys may set (`tenantPolicy.*`);
    /// the master key may set them all. The defaults keep every isolation setting server-side.
    public struct TenantPolicy: Sendable, Equatable {
        /// Allowed values of `options.network` (a value that names no mode allows nothing).
        public var allowedNetworks = [NetworkMode.none.rawValue, NetworkMode.filtered.rawValue]
        /// Allowed values of `options.security.seccomp`.
        public var allowedSeccomp = [SeccompMode.strict.rawValue]
        /// Image patterns `options.image` may match (`*` at the end matches any rest);
        /// the config's `prebuiltImages` tags are always allowed.
        public var allowedImages = ["isol8:*"]
        public var allowPersist = false
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
    public var server = Server()
    public var tenantPolicy = TenantPolicy()

    public init() {}
}
