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

    /// The flags given, by catalog key.
    public var given: [String: [String]] {
        let texts: [String: [String]] = [
            "network": net.map { [$0] } ?? [], "timeoutMs": timeout.map { [$0] } ?? [], "memoryLimit": memory.map { [$0] } ?? [],
            "cpuLimit": cpu.map { [$0] } ?? [], "pidsLimit": pidsLimit.map { [$0] } ?? [],
            "maxOutputSize": maxOutput.map { [$0] } ?? [], "sandboxSize": sandboxSize.map { [$0] } ?? [],
            "tmpSize": tmpSize.map { [$0] } ?? [], "shmSize": shmSize.map { [$0] } ?? [], "image": image.map { [$0] } ?? [], "secrets": secret,
            "mode": persistent ? ["true"] : [], "persist": persist ? ["true"] : [], "extraHosts": addHost,
            "networkFilter.whitelist": allow, "networkFilter.blacklist": deny, "logNetwork": logNetwork ? ["true"] : [],
        ]
        return texts.filter { !$0.value.isEmpty }
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
