import ArgumentParser
import Isol8Core

/// The engine-setting flags shared by `isol8 run`, `isol8-tui` and `isol8 config --sources`.
public struct EngineFlags: ParsableArguments {
    public init() {}

    @Option(help: "Network mode: none (no interface but loopback), filtered (HTTP/HTTPS through the in-container proxy, subject to --allow/--deny) or host (the host's network — no isolation).")
    public var net: String?
    @Option(help: "Timeout in milliseconds (default 30000); the run is killed and exits 137.")
    public var timeout: Int?
    @Option(help: "Memory limit such as 512m or 1g (default 512m), no swap.")
    public var memory: String?
    @Option(help: "CPU limit in cores, e.g. 0.5 (default 1).")
    public var cpu: Double?
    @Option(name: .customLong("pids-limit"), help: "Maximum number of processes (default 64).")
    public var pidsLimit: Int?
    @Option(name: .customLong("max-output"), help: "Per-stream output cap in bytes for --no-stream (default 1048576).")
    public var maxOutput: Int?
    @Option(name: .customLong("sandbox-size"), help: "Size of the /sandbox tmpfs (default 512m).")
    public var sandboxSize: String?
    @Option(name: .customLong("tmp-size"), help: "Size of the /tmp tmpfs (default 256m).")
    public var tmpSize: String?
    @Option(help: "Use this image instead of isol8:<runtime>.")
    public var image: String?
    @Option(help: "Secret KEY=VALUE passed as an environment variable and masked as *** in output (repeatable).")
    public var secret: [String] = []
    @Flag(help: "Keep one container for this run (persistent mode).")
    public var persistent = false
    @Flag(help: "Leave the container running afterwards for inspection (remove it with isol8 cleanup).")
    public var persist = false
    @Option(name: .customLong("add-host"), help: "Extra /etc/hosts entry NAME:IP inside the container (repeatable).")
    public var addHost: [String] = []

    @Option(help: "Allow hosts matching this POSIX extended regex in filtered mode (repeatable; none = allow all not denied).")
    public var allow: [String] = []
    @Option(help: "Deny hosts matching this POSIX extended regex in filtered mode (repeatable; beats --allow).")
    public var deny: [String] = []
    @Flag(name: .customLong("log-network"), help: "Report the proxy's request log (filtered mode).")
    public var logNetwork = false

    public var flags: RunFlags {
        var flags = RunFlags()
        flags.net = net
        flags.timeoutMs = timeout
        flags.memory = memory
        flags.cpu = cpu
        flags.pidsLimit = pidsLimit
        flags.maxOutput = maxOutput
        flags.sandboxSize = sandboxSize
        flags.tmpSize = tmpSize
        flags.image = image
        flags.secrets = secret
        flags.addHosts = addHost
        flags.persist = persist
        flags.persistent = persistent
        flags.allow = allow
        flags.deny = deny
        flags.logNetwork = logNetwork
        return flags
    }
}
