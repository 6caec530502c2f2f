import Foundation

/// What the Docker host behind a target can give one container: bounds for the options
/// whose sane range depends on the machine (CPUs, memory).
public struct TargetLimits: Sendable, Equatable {
    public var cpus: Int
    public var memoryBytes: Int64

    public init(cpus: Int, memoryBytes: Int64) {
        self.cpus = cpus
        self.memoryBytes = memoryBytes
    }

    /// `NCPU` and `MemTotal` of `GET /info`; nil when the daemon does not report them.
    public init?(info: [String: Any]) {
        guard let cpus = (info["NCPU"] as? NSNumber)?.intValue, let memory = (info["MemTotal"] as? NSNumber)?.int64Value,
              cpus > 0, memory > 0 else { return nil }
        self.init(cpus: cpus, memoryBytes: memory)
    }
}
