import ArgumentParser
import Isol8Core

/// The engine flags of `isol8 run`, with the same names and meanings, so a command line moves
/// between the two by changing only the program name.
struct TUIEngineFlags: ParsableArguments {
    @Option(help: "Network mode: none, filtered (HTTP/HTTPS through the in-container proxy, subject to --allow/--deny) or host.")
    var net: String?
    @Option(help: "Timeout in milliseconds (default 30000); the run is killed and exits 137.")
    var timeout: Int?
    @Option(help: "Memory limit such as 512m or 1g (default 512m), no swap.")
    var memory: String?
    @Option(help: "CPU limit in cores, e.g. 0.5 (default 1).")
    var cpu: Double?
    @Option(name: .customLong("pids-limit"), help: "Maximum number of processes (default 64).")
    var pidsLimit: Int?
    @Option(name: .customLong("max-output"), help: "Per-stream output cap in bytes for --no-stream (default 1048576).")
    var maxOutput: Int?
    @Option(name: .customLong("sandbox-size"), help: "Size of the /sandbox tmpfs (default 512m).")
    var sandboxSize: String?
    @Option(name: .customLong("tmp-size"), help: "Size of the /tmp tmpfs (default 256m).")
    var tmpSize: String?
    @Option(help: "Use this image instead of isol8:<runtime>.")
    var image: String?
    @Option(help: "Secret KEY=VALUE passed as an environment variable and masked as *** in output (repeatable).")
    var secret: [String] = []
    @Flag(help: "Keep one container across runs (persistent mode).")
    var persistent = false
    @Flag(help: "Leave each run's container running for inspection (remove it with isol8 cleanup).")
    var persist = false
    @Option(name: .customLong("add-host"), help: "Extra /etc/hosts entry NAME:IP inside the container (repeatable).")
    var addHost: [String] = []
    @Option(help: "Allow hosts matching this POSIX extended regex in filtered mode (repeatable).")
    var allow: [String] = []
    @Option(help: "Deny hosts matching this POSIX extended regex in filtered mode (repeatable; beats --allow).")
    var deny: [String] = []
    @Flag(name: .customLong("log-network"), help: "Show the proxy's request log in the Network pane (filtered mode).")
    var logNetwork = false

    var flags: RunFlags {
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
