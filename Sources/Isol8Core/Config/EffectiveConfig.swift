import Foundation

/// Where a setting's value came from — the answer to "why is this value in force?".
public enum ConfigSource: Sendable, Equatable, CustomStringConvertible {
    case builtIn
    case file(String)
    case environment(String)
    case flag(String)
    case request
    case tui
    /// What a server decides for every request (mode from the session id, debug).
    case server

    public var description: String {
        switch self {
        case .builtIn: return "default"
        case .file(let path): return "config \(path)"
        case .environment(let name): return "env \(name)"
        case .flag(let name): return "flag \(name)"
        case .request: return "request"
        case .tui: return "tui"
        case .server: return "server"
        }
    }
}

/// Every engine setting with its value and its source, plus the options they make.
public struct EffectiveConfig: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: String
        public var source: ConfigSource
    }

    public private(set) var options: Isol8Options
    public private(set) var entries: [Entry]
    public var maxConcurrent: Int
    public var dockerHost: String

    /// Layers defaults < config file < environment < flags (compat §5.5, CLI column) for every
    /// option of the catalog, checking each value where it was given.
    public static func resolve(_ loaded: ConfigLoader.Loaded, flags: RunFlags,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> EffectiveConfig {
        var options = Isol8Options()
        options.remoteCode = loaded.config.remoteCode
        var entries: [Entry] = []
        for option in OptionCatalog.all {
            var value = option.defaultValue
            var source = ConfigSource.builtIn
            if let key = option.configKey, loaded.keysSet.contains(key), let path = loaded.path, let given = option.value(in: loaded.config) {
                (value, source) = (given, .file(path))
            }
            if let name = option.environment, let text = environment[name], !text.isEmpty {
                (value, source) = (try parse(option, [text], name: name), .environment(name))
            }
            if let flag = option.flag, let texts = flags.options[option.key] {
                (value, source) = (try parse(option, texts, name: flag), .flag(flag))
            } else if option.key == "network", !flags.install.isEmpty {
                // Nothing installs without a network: `--install` alone means filtered (compat §3.8).
                (value, source) = (.text(NetworkMode.filtered.rawValue), .flag("--install"))
            }
            option.apply(value, to: &options)
            entries.append(Entry(key: option.key, value: option.display(value), source: source))
        }
        let dockerHost = entries.first { $0.key == "docker.host" }?.value ?? DockerEndpoint.defaultSocket.description
        return EffectiveConfig(options: options, entries: entries, maxConcurrent: loaded.config.maxConcurrent, dockerHost: dockerHost)
    }

    /// Refuses an option the target cannot honour (more CPUs or memory than its host has),
    /// naming it as it was given: the flag, the config key, the knob or the request field.
    public func check(against limits: TargetLimits) throws {
        try OptionCatalog.check(options, limits: limits, name: name(of:))
    }

    /// What the user called `option` where its value came from.
    private func name(of option: CatalogOption) -> String {
        switch entry(option.key)?.source {
        case .flag(let flag): return flag
        case .file: return option.configKey ?? option.key
        case .environment(let name): return name
        case .tui: return option.knob.map { ":set " + $0 } ?? option.key
        case .request: return option.requestName ?? option.key
        case .builtIn, .server, .none: return option.flag ?? option.key
        }
    }

    private static func parse(_ option: CatalogOption, _ texts: [String], name: String) throws -> OptionValue {
        do {
            return try option.parse(texts, limits: nil)
        } catch let problem as OptionProblem {
            throw OptionError(name: name, value: texts.last ?? "", problem: problem)
        }
    }

    /// A later layer (a TUI knob, a request field) setting one catalog option.
    public mutating func set(_ option: CatalogOption, to value: OptionValue, source: ConfigSource) {
        override(option.key, value: option.display(value), source: source) { option.apply(value, to: &$0) }
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

    /// A policy the engine takes whole (`audit`): its settings are entries already.
    public mutating func adopt(_ change: (inout Isol8Options) -> Void) {
        change(&options)
    }
}
