import Foundation

/// Turns engine options into the container-create body of compat §2.4.
public enum ContainerBlueprint {
    /// `ephemeral` or `persistent`: lets the Sandboxes list tell a session's container from a pooled one.
    public static let modeLabel = "isol8.mode"

    public static func spec(image: String, runtime: Runtime, options: Isol8Options) throws -> ContainerSpec {
        var spec = ContainerSpec(image: image, cmd: ["sleep", "infinity"])
        spec.WorkingDir = "/sandbox"
        spec.Env = SandboxEnvironment.container(options)
        spec.Labels = ["isol8.managed": "true", "isol8.runtime": runtime.rawValue, modeLabel: options.mode.rawValue]
            .merging(ContainerOwner.current.labels(keep: options.persist)) { first, _ in first }
        if !options.secrets.isEmpty {
            spec.Labels[EnvironmentMask.secretNamesLabel] = options.secrets.keys.sorted().joined(separator: ",")
        }
        spec.StopTimeout = 2
        if options.network == .none { spec.NetworkDisabled = true }
        try OptionCatalog.check(options)
        let memory = try ByteSize(options.memoryLimit).bytes
        let shm = try ByteSize(options.shmSize).bytes
        var host = ContainerSpec.HostSettings()
        host.Memory = memory
        host.MemorySwap = memory
        host.NanoCpus = Int64((options.cpuLimit * 1e9).rounded(.down))
        host.PidsLimit = Int64(options.pidsLimit)
        host.ReadonlyRootfs = options.readonlyRootFs
        host.Tmpfs = [
            "/tmp": "rw,noexec,nosuid,nodev,size=\(options.tmpSize)",
            "/sandbox": "rw,exec,nosuid,nodev,size=\(options.sandboxSize),uid=100,gid=101",
        ]
        host.ShmSize = shm
        host.SecurityOpt = try SeccompProfile.securityOptions(options.security)
        switch options.network {
        case .filtered:
            host.NetworkMode = "bridge"
            host.CapAdd = ["NET_ADMIN"]
        case .host:
            host.NetworkMode = "host"
        case .none:
            break
        }
        if !options.extraHosts.isEmpty { host.ExtraHosts = options.extraHosts }
        spec.HostConfig = host
        return spec
    }
}
