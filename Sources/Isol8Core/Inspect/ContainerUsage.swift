import Foundation

/// One stats sample: memory, CPU share and process count.
public struct ContainerUsage: Sendable, Equatable, Codable {
    public var memoryBytes: UInt64?
    public var memoryLimitBytes: UInt64?
    /// Percent of one core, as `docker stats` computes it from the pre/post CPU counters.
    public var cpuPercent: Double?
    public var pids: Int?

    public init(memoryBytes: UInt64? = nil, memoryLimitBytes: UInt64? = nil, cpuPercent: Double? = nil, pids: Int? = nil) {
        self.memoryBytes = memoryBytes
        self.memoryLimitBytes = memoryLimitBytes
        self.cpuPercent = cpuPercent
        self.pids = pids
    }

    init(_ stats: ContainerStats) {
        var cpu: Double?
        if let total = stats.cpu_stats?.cpu_usage?.total_usage, let system = stats.cpu_stats?.system_cpu_usage,
           let preTotal = stats.precpu_stats?.cpu_usage?.total_usage, let preSystem = stats.precpu_stats?.system_cpu_usage,
           system > preSystem, total >= preTotal {
            let cores = Double(stats.cpu_stats?.online_cpus ?? stats.cpu_stats?.cpu_usage?.percpu_usage?.count ?? 1)
            cpu = Double(total - preTotal) / Double(system - preSystem) * cores * 100
        }
        self.init(memoryBytes: stats.memory_stats?.usage, memoryLimitBytes: stats.memory_stats?.limit,
                  cpuPercent: cpu, pids: stats.pids_stats?.current)
    }
}
