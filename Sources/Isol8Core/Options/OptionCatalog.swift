import Foundation

/// Every option of isol8, once. Config parsing, provenance (`isol8 config --sources`, the
/// Config pane), the CLI's flags, the TUI's `:set` knobs and the server's request options
/// are loops over this table.
public enum OptionCatalog {
    public static let all: [CatalogOption] = engineOptions + settings

    /// What a run takes: the flags of `isol8 run`, the knobs, the request's `options`.
    static let engineOptions: [CatalogOption] = [
        CatalogOption("timeoutMs", .integer(1...2_147_483_647, unit: "milliseconds"), hint: "milliseconds such as 5000",
                      config: "defaults.timeoutMs", flag: "--timeout", knob: "timeout", request: ["timeoutMs"], perRun: true,
                      help: "Timeout in milliseconds (default 30000); the run is killed and exits 137.",
                      configBinding: .integer(\.defaults.timeoutMs), engineBinding: .integer(\.timeoutMs)),
        CatalogOption("memoryLimit", .size(minimum: 6 << 20, memoryBound: true), hint: "SIZE such as 512m or 1g",
                      config: "defaults.memoryLimit", flag: "--memory", knob: "memory", request: ["memoryLimit"],
                      help: "Memory limit such as 512m or 1g (default 512m, at least 6m), no swap.",
                      configBinding: .sizeText(\.defaults.memoryLimit), engineBinding: .sizeText(\.memoryLimit)),
        CatalogOption("cpuLimit", .cpus, hint: "cores such as 0.5",
                      config: "defaults.cpuLimit", flag: "--cpu", knob: "cpu", request: ["cpuLimit"],
                      help: "CPU limit in cores, e.g. 0.5 (default 1, at most the Docker host's CPUs).",
                      configBinding: .number(\.defaults.cpuLimit), engineBinding: .number(\.cpuLimit)),
        CatalogOption("network", .choice(NetworkMode.allCases.map(\.rawValue)), hint: "none, host or filtered",
                      config: "defaults.network", flag: "--net", knob: "net", request: ["network"],
                      help: "Network mode: none (no interface but loopback), filtered (HTTP/HTTPS through the in-container proxy, subject to --allow/--deny) or host (the host's network — no isolation).",
                      configBinding: .choice(\.defaults.network), engineBinding: .choice(\.network)),
        CatalogOption("pidsLimit", .integer(1...32_768, unit: "processes"), hint: "processes such as 64",
                      flag: "--pids-limit", knob: "pids", request: ["pidsLimit"],
                      help: "Maximum number of processes (default 64).",
                      engineBinding: .integer(\.pidsLimit)),
        CatalogOption("maxOutputSize", .byteCount(1...(1 << 30)), hint: "bytes or SIZE such as 64k",
                      flag: "--max-output", knob: "max-output", request: ["maxOutputSize"],
                      help: "Output cap per stream in bytes for --no-stream runs (default 1048576); streamed runs are not cut.",
                      engineBinding: .bytes(\.maxOutputSize)),
        CatalogOption("sandboxSize", .size(minimum: 1 << 20, memoryBound: true), hint: "SIZE such as 512m",
                      config: "defaults.sandboxSize", flag: "--sandbox-size", knob: "sandbox-size", request: ["sandboxSize"],
                      help: "Size of the /sandbox tmpfs (default 512m).",
                      configBinding: .sizeText(\.defaults.sandboxSize), engineBinding: .sizeText(\.sandboxSize)),
        CatalogOption("tmpSize", .size(minimum: 1 << 20, memoryBound: true), hint: "SIZE such as 256m",
                      config: "defaults.tmpSize", flag: "--tmp-size", knob: "tmp-size", request: ["tmpSize"],
                      help: "Size of the /tmp tmpfs (default 256m).",
                      configBinding: .sizeText(\.defaults.tmpSize), engineBinding: .sizeText(\.tmpSize)),
        CatalogOption("shmSize", .size(minimum: 1 << 20, memoryBound: true), hint: "SIZE such as 16m",
                      config: "defaults.shmSize", flag: "--shm-size", knob: "shm-size", request: ["shmSize"],
                      help: "Size of /dev/shm (default 16m); it counts against memory, not the tmpfs sizes.",
                      configBinding: .sizeText(\.defaults.shmSize), engineBinding: .sizeText(\.shmSize)),
        CatalogOption("readonlyRootFs", .toggle(on: "true", off: "false"), hint: "on or off",
                      config: "defaults.readonlyRootFs", knob: "readonly-root", request: ["readonlyRootFs"],
                      configBinding: .toggle(\.defaults.readonlyRootFs), engineBinding: .toggle(\.readonlyRootFs)),
        CatalogOption("mode", .toggle(on: "persistent", off: "ephemeral"), hint: "on or off",
                      flag: "--persistent", knob: "persistent",
                      help: "Keep one container for this run (persistent mode).",
                      engineBinding: OptionBinding(read: { .toggle($0.mode == .persistent) }, write: { options, value in
                          if case .toggle(let on) = value { options.mode = on ? .persistent : .ephemeral }
                      })),
        CatalogOption("persist", .toggle(on: "true", off: "false"), hint: "on or off",
                      flag: "--persist", knob: "persist", request: ["persist"],
                      help: "Leave the container running afterwards for inspection (remove it with isol8 cleanup).",
                      engineBinding: .toggle(\.persist)),
        CatalogOption("debug", .toggle(on: "true", off: "false"), hint: "on or off",
                      config: "debug", flag: "--debug", knob: "debug",
                      help: "Print debug lines.",
                      configBinding: .toggle(\.debug), engineBinding: .toggle(\.debug)),
        CatalogOption("image", .imageReference, hint: "an image such as isol8:python, or default",
                      flag: "--image", knob: "image", request: ["image"],
                      help: "Use this image instead of isol8:<runtime>.",
                      engineBinding: .optionalText(\.image)),
        CatalogOption("security.seccomp", .choice(SeccompMode.allCases.map(\.rawValue)), hint: "strict, unconfined or custom",
                      config: "security.seccomp", knob: "seccomp", request: ["security", "seccomp"],
                      configBinding: .choice(\.security.seccomp), engineBinding: .choice(\.security.seccomp)),
        CatalogOption("networkFilter.whitelist", .hostPatterns, hint: "REGEX",
                      config: "network.whitelist", flag: "--allow", request: ["networkFilter", "whitelist"],
                      help: "Allow hosts matching this POSIX extended regex in filtered mode (repeatable; none = allow all not denied).",
                      configBinding: .list(\.network.whitelist), engineBinding: filterList(\.whitelist)),
        CatalogOption("networkFilter.blacklist", .hostPatterns, hint: "REGEX",
                      config: "network.blacklist", flag: "--deny", request: ["networkFilter", "blacklist"],
                      help: "Deny hosts matching this POSIX extended regex in filtered mode (repeatable; beats --allow).",
                      configBinding: .list(\.network.blacklist), engineBinding: filterList(\.blacklist)),
        CatalogOption("logNetwork", .toggle(on: "true", off: "false"), hint: "on or off",
                      flag: "--log-network", knob: "log-network", request: ["logNetwork"],
                      help: "Report the proxy's request log (filtered mode).",
                      engineBinding: .toggle(\.logNetwork)),
        CatalogOption("secrets", .secrets, hint: "KEY=VALUE",
                      flag: "--secret", request: ["secrets"],
                      help: "Secret KEY=VALUE passed as an environment variable and masked as *** in output (repeatable).",
                      engineBinding: .pairs(\.secrets)),
        CatalogOption("extraHosts", .hostEntries, hint: "NAME:IP",
                      flag: "--add-host", knob: "add-host", request: ["extraHosts"],
                      help: "Extra /etc/hosts entry NAME:IP inside the container (repeatable).",
                      engineBinding: .list(\.extraHosts)),
        CatalogOption("packages.pipIndexUrl", .text, hint: "URL", config: "packages.pipIndexUrl", environment: "ISOL8_PIP_INDEX_URL",
                      configBinding: .optionalText(\.packages.pipIndexURL), engineBinding: .optionalText(\.packageIndex.pipIndexURL)),
        CatalogOption("packages.npmRegistry", .text, hint: "URL", config: "packages.npmRegistry", environment: "ISOL8_NPM_REGISTRY",
                      configBinding: .optionalText(\.packages.npmRegistry), engineBinding: .optionalText(\.packageIndex.npmRegistry)),
        CatalogOption("poolStrategy", .choice(PoolStrategy.allCases.map(\.rawValue)), hint: "fast or secure", config: "poolStrategy",
                      configBinding: .choice(\.poolStrategy), engineBinding: .choice(\.poolStrategy)),
        CatalogOption("poolSize", .poolSize, hint: "containers such as 1", config: "poolSize",
                      configBinding: .pool(\.poolSize), engineBinding: .pool(\.poolSize)),
        CatalogOption("security.customProfilePath", .text, hint: "PATH", config: "security.customProfilePath",
                      configBinding: .optionalText(\.security.customProfilePath), engineBinding: .optionalText(\.security.customProfilePath)),
    ]

    /// Settings of the config file that no single run takes: the server's, the TUI's and
    /// the policies the engine gets whole (`remoteCode`, `audit`).
    static let settings: [CatalogOption] = [
        CatalogOption("maxConcurrent", .integer(1...1_000, unit: "runs"), hint: "runs such as 10", config: "maxConcurrent",
                      configBinding: .integer(\.maxConcurrent)),
        CatalogOption("cleanup.autoPrune", .toggle(on: "true", off: "false"), config: "cleanup.autoPrune",
                      configBinding: .toggle(\.cleanup.autoPrune)),
        CatalogOption("cleanup.maxContainerAgeMs", .integer(1_000...2_147_483_647, unit: "milliseconds"), config: "cleanup.maxContainerAgeMs",
                      configBinding: .integer(\.cleanup.maxContainerAgeMs)),
        CatalogOption("remoteCode.enabled", .toggle(on: "true", off: "false"), config: "remoteCode.enabled",
                      configBinding: .toggle(\.remoteCode.enabled)),
        CatalogOption("remoteCode.allowedSchemes", .strings, config: "remoteCode.allowedSchemes",
                      configBinding: .list(\.remoteCode.allowedSchemes)),
        CatalogOption("remoteCode.allowedHosts", .strings, config: "remoteCode.allowedHosts",
                      configBinding: .list(\.remoteCode.allowedHosts)),
        CatalogOption("remoteCode.blockedHosts", .strings, config: "remoteCode.blockedHosts",
                      configBinding: .list(\.remoteCode.blockedHosts)),
        CatalogOption("remoteCode.maxCodeSize", .integer(1...1 << 30, unit: "bytes"), config: "remoteCode.maxCodeSize",
                      configBinding: .integer(\.remoteCode.maxCodeSize)),
        CatalogOption("remoteCode.fetchTimeoutMs", .integer(1...2_147_483_647, unit: "milliseconds"), config: "remoteCode.fetchTimeoutMs",
                      configBinding: .integer(\.remoteCode.fetchTimeoutMs)),
        CatalogOption("remoteCode.requireHash", .toggle(on: "true", off: "false"), config: "remoteCode.requireHash",
                      configBinding: .toggle(\.remoteCode.requireHash)),
        CatalogOption("remoteCode.enableCache", .toggle(on: "true", off: "false"), config: "remoteCode.enableCache",
                      configBinding: .toggle(\.remoteCode.enableCache)),
        CatalogOption("remoteCode.cacheTtl", .integer(0...31_536_000, unit: "seconds"), config: "remoteCode.cacheTtl",
                      configBinding: .integer(\.remoteCode.cacheTtl)),
        CatalogOption("audit.enabled", .toggle(on: "true", off: "false"), config: "audit.enabled",
                      configBinding: .toggle(\.audit.enabled)),
        CatalogOption("audit.destination", .text, config: "audit.destination", configBinding: .text(\.audit.destination)),
        CatalogOption("audit.logDir", .text, config: "audit.logDir", configBinding: .optionalText(\.audit.logDir)),
        CatalogOption("audit.postLogScript", .text, config: "audit.postLogScript", configBinding: .optionalText(\.audit.postLogScript)),
        CatalogOption("audit.trackResources", .toggle(on: "true", off: "false"), config: "audit.trackResources",
                      configBinding: .toggle(\.audit.trackResources)),
        CatalogOption("audit.retentionDays", .integer(0...36_500, unit: "days"), config: "audit.retentionDays",
                      configBinding: .integer(\.audit.retentionDays)),
        CatalogOption("audit.includeCode", .toggle(on: "true", off: "false"), config: "audit.includeCode",
                      configBinding: .toggle(\.audit.includeCode)),
        CatalogOption("audit.includeOutput", .toggle(on: "true", off: "false"), config: "audit.includeOutput",
                      configBinding: .toggle(\.audit.includeOutput)),
        CatalogOption("auth.enabled", .toggle(on: "true", off: "false"), config: "auth.enabled",
                      configBinding: .toggle(\.auth.enabled)),
        CatalogOption("auth.connectionString", .text, config: "auth.connectionString",
                      configBinding: .optionalText(\.auth.connectionString)),
        CatalogOption("auth.defaultTtlMs", .integer(1...Int.max, unit: "milliseconds"), config: "auth.defaultTtlMs",
                      configBinding: .integer(\.auth.defaultTtlMs)),
        CatalogOption("auth.cleanupIntervalMs", .integer(1...Int.max, unit: "milliseconds"), config: "auth.cleanupIntervalMs",
                      configBinding: .integer(\.auth.cleanupIntervalMs)),
        CatalogOption("server.maxFileSizeBytes", .integer(1...(1 << 40), unit: "bytes"), config: "server.maxFileSizeBytes",
                      configBinding: .integer(\.server.maxFileSizeBytes)),
        CatalogOption("server.fileReadTimeoutMs", .integer(1...2_147_483_647, unit: "milliseconds"), config: "server.fileReadTimeoutMs",
                      configBinding: .integer(\.server.fileReadTimeoutMs)),
        CatalogOption("server.idleTimeoutMs", .integer(1...2_147_483_647, unit: "milliseconds"), config: "server.idleTimeoutMs",
                      configBinding: .integer(\.server.idleTimeoutMs)),
        CatalogOption("tenantPolicy.allowedNetworks", .strings, config: "tenantPolicy.allowedNetworks",
                      configBinding: .list(\.tenantPolicy.allowedNetworks)),
        CatalogOption("tenantPolicy.allowedSeccomp", .strings, config: "tenantPolicy.allowedSeccomp",
                      configBinding: .list(\.tenantPolicy.allowedSeccomp)),
        CatalogOption("tenantPolicy.allowedImages", .strings, config: "tenantPolicy.allowedImages",
                      configBinding: .list(\.tenantPolicy.allowedImages)),
        CatalogOption("tenantPolicy.allowPersist", .toggle(on: "true", off: "false"), config: "tenantPolicy.allowPersist",
                      configBinding: .toggle(\.tenantPolicy.allowPersist)),
        CatalogOption("prebuiltImages", .prebuiltImages, config: "prebuiltImages",
                      configBinding: OptionBinding(read: { .images($0.prebuiltImages) }, write: { config, value in
                          if case .images(let images) = value { config.prebuiltImages = images }
                      })),
        CatalogOption("targets", .targets, config: "targets",
                      configBinding: OptionBinding(read: { .targets($0.targets) }, write: { config, value in
                          if case .targets(let targets) = value { config.targets = targets }
                      })),
        CatalogOption("tui.theme", .text, config: "tui.theme", configBinding: tuiSetting("theme")),
        CatalogOption("tui.mouse", .toggle(on: "true", off: "false"), config: "tui.mouse", configBinding: tuiSetting("mouse")),
        CatalogOption("tui.outputMaxLines", .integer(100...10_000_000, unit: "lines"), config: "tui.outputMaxLines",
                      configBinding: tuiSetting("outputMaxLines")),
        CatalogOption("tui.outputMaxBytes", .integer(65_536...4_294_967_296, unit: "bytes"), config: "tui.outputMaxBytes",
                      configBinding: tuiSetting("outputMaxBytes")),
        CatalogOption("docker.host", .text, environment: "DOCKER_HOST", fallback: .text(DockerEndpoint.defaultSocket.description)),
    ]

    /// Config sections that hold keys (and `tui.keys`, whose keys are key bindings).
    public static let configSections: Set<String> = Set(all.compactMap { option in
        option.configKey.flatMap { key in key.contains(".") ? String(key[..<key.lastIndex(of: ".")!]) : nil }
    }).union(["tui.keys"])

    private static let byKey = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })
    private static let byConfigKey = Dictionary(uniqueKeysWithValues: all.compactMap { o in o.configKey.map { ($0, o) } })
    private static let byFlag = Dictionary(uniqueKeysWithValues: all.compactMap { o in o.flag.map { ($0, o) } })

    public static func option(_ key: String) -> CatalogOption? { byKey[key] }
    public static func option(configKey: String) -> CatalogOption? { byConfigKey[configKey] }
    public static func option(flag: String) -> CatalogOption? { byFlag[flag] }

    /// The options set with `:set`, in help order.
    public static var knobs: [CatalogOption] { all.filter { $0.knob != nil } }

    /// Refuses engine options outside their bounds (with `limits`, the target's too);
    /// `name` says what the user called each option.
    public static func check(_ options: Isol8Options, limits: TargetLimits? = nil,
                             name: (CatalogOption) -> String = { $0.key }) throws {
        for option in engineOptions {
            let value = option.value(in: options)
            do {
                if case .text(let text) = value, case .size = option.kind { throw OptionProblem.sizeFormat(text) }
                try option.kind.check(value, limits: limits)
            } catch let problem as OptionProblem {
                throw OptionError(name: name(option), value: option.display(value), problem: problem)
            }
        }
    }

    /// The known config key closest by edit distance, when it is close enough to be a typo.
    public static func nearestConfigKey(to key: String) -> String? {
        let known = Array(byConfigKey.keys) + Array(configSections)
        let scored = known.map { ($0, editDistance($0.lowercased(), key.lowercased())) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, key.count / 3) else { return nil }
        return best
    }

    /// The engine's network filter: nil when both lists are empty, so the proxy allows all.
    private static func filterList(_ list: WritableKeyPath<NetworkFilter, [String]> & Sendable) -> OptionBinding<Isol8Options> {
        OptionBinding(read: { .list($0.networkFilter?[keyPath: list] ?? []) }, write: { options, value in
            guard case .list(let items) = value else { return }
            var filter = options.networkFilter ?? NetworkFilter()
            filter[keyPath: list] = items
            options.networkFilter = filter.whitelist.isEmpty && filter.blacklist.isEmpty ? nil : filter
        })
    }

    /// TUI settings stay raw text in `Isol8Config.tui`, read by the TUI itself.
    private static func tuiSetting(_ name: String) -> OptionBinding<Isol8Config> {
        OptionBinding(read: { config in config.tui[name].map(OptionValue.text) ?? .unset }, write: { config, value in
            switch value {
            case .text(let text): config.tui[name] = text
            case .toggle(let on): config.tui[name] = String(on)
            case .integer(let n): config.tui[name] = String(n)
            default: config.tui[name] = nil
            }
        })
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
