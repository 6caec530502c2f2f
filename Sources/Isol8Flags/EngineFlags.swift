import ArgumentParser
import Isol8Core

/// The engine-setting flags shared by `isol8 run`, `isol8-tui` and `isol8 config --sources`.
/// Names and help come from the ``OptionCatalog``; values stay text until the catalog reads
/// and checks them, so every front end refuses a bad value with the same words.
public struct EngineFlags: ParsableArguments {
    public init() {}

    @Option(name: .catalog("network"), help: .catalog("network"))
    public var net: String?
    @Option(name: .catalog("timeoutMs"), help: .catalog("timeoutMs"))
    public var timeout: String?
    @Option(name: .catalog("memoryLimit"), help: .catalog("memoryLimit"))
    public var memory: String?
    @Option(name: .catalog("cpuLimit"), help: .catalog("cpuLimit"))
    public var cpu: String?
    @Option(name: .catalog("pidsLimit"), help: .catalog("pidsLimit"))
    public var pidsLimit: String?
    @Option(name: .catalog("maxOutputSize"), help: .catalog("maxOutputSize"))
    public var maxOutput: String?
    @Option(name: .catalog("sandboxSize"), help: .catalog("sandboxSize"))
    public var sandboxSize: String?
    @Option(name: .catalog("tmpSize"), help: .catalog("tmpSize"))
    public var tmpSize: String?
    @Option(name: .catalog("shmSize"), help: .catalog("shmSize"))
    public var shmSize: String?
    @Option(name: .catalog("image"), help: .catalog("image"))
    public var image: String?
    @Option(name: .catalog("secrets"), help: .catalog("secrets"))
    public var secret: [String] = []
    @Flag(name: .catalog("mode"), help: .catalog("mode"))
    public var persistent = false
    @Flag(name: .catalog("persist"), help: .catalog("persist"))
    public var persist = false
    @Option(name: .catalog("extraHosts"), help: .catalog("extraHosts"))
    public var addHost: [String] = []
    @Option(name: .catalog("networkFilter.whitelist"), help: .catalog("networkFilter.whitelist"))
    public var allow: [String] = []
    @Option(name: .catalog("networkFilter.blacklist"), help: .catalog("networkFilter.blacklist"))
    public var deny: [String] = []
    @Flag(name: .catalog("logNetwork"), help: .catalog("logNetwork"))
    public var logNetwork = false

    /// The flags given, by catalog key. Each property is found in the catalog by its flag
    /// (ArgumentParser's kebab-case of the property name, which `.catalog` makes the catalog's),
    /// so the properties above are the only list of these options.
    public var given: [String: [String]] {
        var given: [String: [String]] = [:]
        for child in Mirror(reflecting: self).children {
            guard let label = child.label?.dropFirst(), let option = OptionCatalog.option(flag: "--" + Self.kebab(label)) else { continue }
            let texts: [String]
            switch child.value {
            case let single as Option<String?>: texts = single.wrappedValue.map { [$0] } ?? []
            case let list as Option<[String]>: texts = list.wrappedValue
            case let flag as Flag<Bool>: texts = flag.wrappedValue ? ["true"] : []
            default: continue
            }
            if !texts.isEmpty { given[option.key] = texts }
        }
        return given
    }

    /// `pidsLimit` → `pids-limit`.
    private static func kebab(_ name: Substring) -> String {
        name.reduce(into: "") { out, character in
            if character.isUppercase { out += "-" + character.lowercased() } else { out.append(character) }
        }
    }

    public var flags: RunFlags {
        var flags = RunFlags()
        flags.options = given
        return flags
    }
}

extension NameSpecification {
    /// The long name the catalog gives option `key`.
    static func catalog(_ key: String) -> NameSpecification {
        .customLong(String(OptionCatalog.option(key)?.flag?.dropFirst(2) ?? Substring(key)))
    }
}

extension ArgumentHelp {
    /// The help the catalog gives option `key`.
    static func catalog(_ key: String) -> ArgumentHelp {
        ArgumentHelp(OptionCatalog.option(key)?.help ?? "")
    }
}
