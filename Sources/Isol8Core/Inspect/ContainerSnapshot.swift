import Foundation

/// What `ContainerInspector.snapshot` found, as plain values.
public struct ContainerSnapshot: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var image: String
    /// Docker's status word: created, running, exited, …
    public var state: String
    public var running: Bool
    public var oomKilled: Bool
    public var exitCode: Int?
    public var startedAt: Date?
    public var limits: ContainerLimits
    public var usage: ContainerUsage?
    public var processes: ContainerProcessTable?
    public var sandboxListing: String?
    /// The container's environment (`NAME=value`), as created, secret values masked.
    public var environment: [String]?

    public init(id: String, name: String = "", image: String = "", state: String = "", running: Bool = false,
                oomKilled: Bool = false, exitCode: Int? = nil, startedAt: Date? = nil, environment: [String]? = nil,
                limits: ContainerLimits = ContainerLimits(), usage: ContainerUsage? = nil,
                processes: ContainerProcessTable? = nil, sandboxListing: String? = nil) {
        self.id = id
        self.name = name
        self.image = image
        self.state = state
        self.running = running
        self.oomKilled = oomKilled
        self.exitCode = exitCode
        self.startedAt = startedAt
        self.limits = limits
        self.usage = usage
        self.processes = processes
        self.sandboxListing = sandboxListing
        self.environment = environment
    }

    init(_ details: ContainerDetails) {
        let host = details.HostConfig
        self.init(
            id: details.Id,
            name: (details.Name ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/")),
            image: details.Config?.Image ?? details.Image ?? "",
            state: details.State?.Status ?? "unknown",
            running: details.State?.Running ?? false,
            oomKilled: details.State?.OOMKilled ?? false,
            exitCode: details.State?.ExitCode,
            startedAt: details.State?.StartedAt.flatMap(DockerTimestamp.parse),
            // Secret values never leave the engine (the server sends snapshots over its API).
            environment: details.Config?.Env.map { env in
                let names = EnvironmentMask.secretNames(labels: details.Config?.Labels ?? [:])
                return env.map { EnvironmentMask.masked($0, names: names) }
            },
            limits: ContainerLimits(memoryBytes: host?.Memory, nanoCpus: host?.NanoCpus, pidsLimit: host?.PidsLimit,
                                    readonlyRootfs: host?.ReadonlyRootfs,
                                    networkMode: details.Config?.NetworkDisabled == true ? "none" : host?.NetworkMode,
                                    tmpfs: host?.Tmpfs ?? [:], shmBytes: host?.ShmSize))
    }
}
