import Foundation

/// Where a setting's value came from — the answer to "why is this value in force?".
public enum ConfigSource: Sendable, Equatable, CustomStringConvertible {
    case builtIn
    case file(String)
    case environment(String)
    case flag(String)
    case request
    case tui

    public var description: String {
        switch self {
        case .builtIn: return "default"
        case .file(let path): return "config \(path)"
        case .environment(let name): return "env \(name)"
        case .flag(let name): return "flag \(name)"
        case .request: return "request"
        case .tui: return "tui"
        }
    }
}

/// Every engine setting with its value and its source, plus the options they make.
public struct EffectiveConfig: Sendable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: String
        public var source: ConfigSource
    }

    public private(set) var options: Isol8Options
    public private(set) var entries: [Entry]
    public var maxConcurrent: Int
    public var dockerHost: String

    /// Layers defaults < config file < environment < flags (spec §5.5, CLI column).
    public static func resolve(_ loaded: ConfigLoader.Loaded, flags: RunFlags,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> EffectiveConfig {
        var builder = Builder(loaded: loaded)
        let file = loaded.config
        var options = Isol8Options()

        builder.layer("timeoutMs", &options.timeoutMs, file: ("defaults.timeoutMs", file.defaults.timeoutMs),
                      flag: ("--timeout", try flags.timeoutMs.map { try positive($0, "--timeout", "milliseconds") }))
        builder.layer("memoryLimit", &options.memoryLimit, file: ("defaults.memoryLimit", try size(file.defaults.memoryLimit, "defaults.memoryLimit")),
                      flag: ("--memory", try flags.memory.map { try size($0, "--memory") }))
        builder.layer("cpuLimit", &options.cpuLimit, file: ("defaults.cpuLimit", file.defaults.cpuLimit),
                      flag: ("--cpu", try flags.cpu.map { try positive($0, "--cpu", "cores") }))
        var network = file.defaults.network
        var networkFlag: String?
        if let net = flags.net {
            guard let mode = NetworkMode(rawValue: net) else {
                throw Isol8Error.invalidOption("Invalid --net \"\(net)\": use none, host or filtered.")
            }
            network = mode
            networkFlag = "--net"
        } else if !flags.install.isEmpty {
            network = .filtered
            networkFlag = "--install"
            DebugLog.debug("[Run] --install detected without explicit --net; using filtered network mode automatically")
        }
        builder.layer("network", &options.network, file: ("defaults.network", network), flag: (networkFlag ?? "", networkFlag.map { _ in network }))
        builder.layer("pidsLimit", &options.pidsLimit, file: nil, flag: ("--pids-limit", try flags.pidsLimit.map { try positive($0, "--pids-limit", "processes") }))
        builder.layer("maxOutputSize", &options.maxOutputSize, file: nil, flag: ("--max-output", try flags.maxOutput.map { try positive($0, "--max-output", "bytes") }))
        builder.layer("sandboxSize", &options.sandboxSize, file: ("defaults.sandboxSize", try size(file.defaults.sandboxSize, "defaults.sandboxSize")),
                      flag: ("--sandbox-size", try flags.sandboxSize.map { try size($0, "--sandbox-size") }))
        builder.layer("tmpSize", &options.tmpSize, file: ("defaults.tmpSize", try size(file.defaults.tmpSize, "defaults.tmpSize")),
                      flag: ("--tmp-size", try flags.tmpSize.map { try size($0, "--tmp-size") }))
        builder.layer("readonlyRootFs", &options.readonlyRootFs, file: ("defaults.readonlyRootFs", file.defaults.readonlyRootFs), flag: nil)
        builder.layer("mode", &options.mode, file: nil, flag: ("--persistent", flags.persistent ? Isol8Mode.persistent : nil))
        builder.layer("persist", &options.persist, file: nil, flag: ("--persist", flags.persist ? true : nil))
        builder.layer("debug", &options.debug, file: ("debug", file.debug), flag: ("--debug", flags.debug ? true : nil))
        var image: String? = nil
        builder.layer("image", &image, file: nil, flag: ("--image", flags.image.map { Optional($0) }))
        options.image = image
        builder.layer("security.seccomp", &options.security.seccomp, file: ("security.seccomp", file.security.seccomp), flag: nil)
        options.security.customProfilePath = file.security.customProfilePath

        var filter = NetworkFilter(whitelist: file.network.whitelist, blacklist: file.network.blacklist)
        builder.layer("networkFilter.whitelist", &filter.whitelist, file: ("network.whitelist", file.network.whitelist),
                      flag: ("--allow", flags.allow.isEmpty ? nil : flags.allow))
        builder.layer("networkFilter.blacklist", &filter.blacklist, file: ("network.blacklist", file.network.blacklist),
                      flag: ("--deny", flags.deny.isEmpty ? nil : flags.deny))
        if !filter.whitelist.isEmpty || !filter.blacklist.isEmpty { options.networkFilter = filter }
        options.remoteCode = file.remoteCode
        builder.record("remoteCode.enabled", String(file.remoteCode.enabled),
                       loaded.keysSet.contains("remoteCode.enabled") ? .file(loaded.path ?? "") : .builtIn)
        builder.layer("logNetwork", &options.logNetwork, file: nil, flag: ("--log-network", flags.logNetwork ? true : nil))

        for entry in flags.secrets {
            guard let eq = entry.firstIndex(of: "="), eq != entry.startIndex else { continue }
            options.secrets[String(entry[..<eq])] = String(entry[entry.index(after: eq)...])
        }
        builder.record("secrets", options.secrets.isEmpty ? "(none)" : options.secrets.keys.sorted().joined(separator: ", ") + " (values hidden)",
                       options.secrets.isEmpty ? .builtIn : .flag("--secret"))
        for entry in flags.addHosts {
            let parts = entry.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw Isol8Error.invalidOption("Invalid --add-host \"\(entry)\": use NAME:IP, e.g. --add-host allowed.test:172.17.0.1")
            }
            options.extraHosts.append(entry)
        }
        builder.record("extraHosts", options.extraHosts.isEmpty ? "(none)" : options.extraHosts.joined(separator: ", "),
                       options.extraHosts.isEmpty ? .builtIn : .flag("--add-host"))

        var pipIndex = file.packages.pipIndexURL
        builder.layer("packages.pipIndexUrl", &pipIndex, file: ("packages.pipIndexUrl", file.packages.pipIndexURL),
                      env: ("ISOL8_PIP_INDEX_URL", environment["ISOL8_PIP_INDEX_URL"].map { Optional($0) }))
        var npmRegistry = file.packages.npmRegistry
        builder.layer("packages.npmRegistry", &npmRegistry, file: ("packages.npmRegistry", file.packages.npmRegistry),
                      env: ("ISOL8_NPM_REGISTRY", environment["ISOL8_NPM_REGISTRY"].map { Optional($0) }))
        options.packageIndex = PackageIndex(pipIndexURL: pipIndex, npmRegistry: npmRegistry)

        var maxConcurrent = 10
        builder.layer("maxConcurrent", &maxConcurrent, file: ("maxConcurrent", file.maxConcurrent), flag: nil)
        let dockerHost = environment["DOCKER_HOST"].flatMap { $0.isEmpty ? nil : $0 }
        builder.record("docker.host", dockerHost ?? DockerEndpoint.defaultSocket.description,
                       dockerHost == nil ? .builtIn : .environment("DOCKER_HOST"))
        return EffectiveConfig(options: options, entries: builder.entries, maxConcurrent: maxConcurrent,
                               dockerHost: dockerHost ?? DockerEndpoint.defaultSocket.description)
    }

    /// A later layer (a TUI knob, a request field) overriding one setting.
    public mutating func override(_ key: String, value: String, source: ConfigSource, apply: (inout Isol8Options) -> Void) {
        apply(&options)
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index] = Entry(key: key, value: value, source: source)
        } else {
            entries.append(Entry(key: key, value: value, source: source))
        }
    }

    public func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    private static func size(_ value: String, _ name: String) throws -> String {
        do {
            _ = try MemoryLimit.parse(value)
        } catch {
            throw Isol8Error.invalidOption("Invalid \(name) \"\(value)\": use a size such as 512m or 1g.")
        }
        return value
    }

    private static func positive<T: Numeric & Comparable>(_ value: T, _ name: String, _ unit: String) throws -> T {
        guard value > 0 else { throw Isol8Error.invalidOption("Invalid \(name) \(value): use a positive number of \(unit).") }
        return value
    }

    /// Applies the layers of one setting and records the winning source.
    private struct Builder {
        let loaded: ConfigLoader.Loaded
        var entries: [Entry] = []

        mutating func layer<T>(_ key: String, _ target: inout T, file: (key: String, value: T)?,
                               env: (name: String, value: T?)? = nil, flag: (name: String, value: T?)? = nil) {
            var source = ConfigSource.builtIn
            if let file, loaded.keysSet.contains(file.key), let path = loaded.path {
                target = file.value
                source = .file(path)
            }
            if let env, let value = env.value {
                target = value
                source = .environment(env.name)
            }
            if let flag, let value = flag.value {
                target = value
                source = .flag(flag.name)
            }
            record(key, Self.render(target), source)
        }

        mutating func record(_ key: String, _ value: String, _ source: ConfigSource) {
            entries.append(Entry(key: key, value: value, source: source))
        }

        static func render<T>(_ value: T) -> String {
            switch value {
            case let list as [String]: return list.isEmpty ? "(none)" : list.joined(separator: ", ")
            case let optional as String?: return optional ?? "(none)"
            case let mode as any RawRepresentable: return "\(mode.rawValue)"
            default: return "\(value)"
            }
        }
    }
}
