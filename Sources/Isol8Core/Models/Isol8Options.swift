import Foundation

/// Engine options (compat §1.6). Every field has isol8's default.
public struct Isol8Options: Codable, Sendable, Equatable {
    public var mode: Isol8Mode = .ephemeral
    public var network: NetworkMode = .none
    public var networkFilter: NetworkFilter?
    public var cpuLimit: Double = 1.0
    public var memoryLimit: String = "512m"
    public var pidsLimit: Int = 64
    public var readonlyRootFs: Bool = true
    public var maxOutputSize: Int = 1_048_576
    public var secrets: [String: String] = [:]
    public var timeoutMs: Int = 30_000
    public var image: String?
    public var sandboxSize: String = "512m"
    public var tmpSize: String = "256m"
    /// Port addition: size of `/dev/shm`. Docker's silent default (64m) was writable space
    /// outside both tmpfs limits; this makes it a limit the user sees and sets.
    public var shmSize: String = "16m"
    public var debug: Bool = false
    public var persist: Bool = false
    public var logNetwork: Bool = false
    public var security: SecurityOptions = SecurityOptions()
    public var poolStrategy: PoolStrategy = .fast
    public var poolSize: PoolSize = PoolSize(clean: 1, dirty: 1)

    /// These options for an engine that makes one run and stops (`isol8 run`, a server's
    /// request without a session): a container kept warm or recycled would be made only to
    /// be removed.
    public var forOneRun: Isol8Options {
        var options = self
        options.poolSize = PoolSize(clean: 0, dirty: 0)
        return options
    }
    /// Port addition: where `installPackages` fetch from instead of the public registries.
    public var packageIndex = PackageIndex()
    /// Which `codeUrl` sources may be fetched (compat §2.19); disabled by default.
    public var remoteCode = RemoteCodePolicy()
    /// Presence turns on resource tracking; `enabled` also writes audit records (compat §2.17, §2.18).
    public var audit: AuditConfig?
    /// Port addition (`--add-host NAME:IP`): extra /etc/hosts entries, Docker `ExtraHosts`.
    public var extraHosts: [String] = []

    public init() {}
}

public struct NetworkFilter: Codable, Sendable, Equatable {
    public var whitelist: [String]
    public var blacklist: [String]

    public init(whitelist: [String] = [], blacklist: [String] = []) {
        self.whitelist = whitelist
        self.blacklist = blacklist
    }
}

public struct SecurityOptions: Codable, Sendable, Equatable {
    public var seccomp: SeccompMode = .strict
    public var customProfilePath: String?

    public init(seccomp: SeccompMode = .strict, customProfilePath: String? = nil) {
        self.seccomp = seccomp
        self.customProfilePath = customProfilePath
    }
}

/// Pool sizes per image: a bare number means the same for clean and dirty.
public struct PoolSize: Codable, Sendable, Equatable {
    public var clean: Int
    public var dirty: Int

    public init(clean: Int, dirty: Int) {
        self.clean = clean
        self.dirty = dirty
    }

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer().decode(Int.self) {
            self.init(clean: single, dirty: single)
            return
        }
        let keyed = try decoder.container(keyedBy: CodingKeys.self)
        self.init(clean: try keyed.decodeIfPresent(Int.self, forKey: .clean) ?? 1,
                  dirty: try keyed.decodeIfPresent(Int.self, forKey: .dirty) ?? 1)
    }
}

/// Package sources for installs (config `packages.pipIndexUrl` / `packages.npmRegistry`,
/// env `ISOL8_PIP_INDEX_URL` / `ISOL8_NPM_REGISTRY`); nil means the public registry.
public struct PackageIndex: Codable, Sendable, Equatable {
    public var pipIndexURL: String?
    public var npmRegistry: String?

    public init(pipIndexURL: String? = nil, npmRegistry: String? = nil) {
        self.pipIndexURL = pipIndexURL
        self.npmRegistry = npmRegistry
    }

    /// These sources with `ISOL8_PIP_INDEX_URL` / `ISOL8_NPM_REGISTRY` from `environment` on
    /// top, the order `isol8 run` resolves them in (`EffectiveConfig` also records the source).
    public func overridden(by environment: [String: String]) -> PackageIndex {
        PackageIndex(pipIndexURL: environment["ISOL8_PIP_INDEX_URL"] ?? pipIndexURL,
                     npmRegistry: environment["ISOL8_NPM_REGISTRY"] ?? npmRegistry)
    }

    /// Hosts of the configured sources, for the filtered allowlist.
    var hosts: [String] {
        [pipIndexURL, npmRegistry].compactMap { $0.flatMap { URLComponents(string: $0)?.host } }
    }
}
