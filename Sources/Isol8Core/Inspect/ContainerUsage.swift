import Foundation

/// One stats sample: memory, CPU share and process count.
public struct ContainerUsage: Sendable, Equatable, Codable {
    public var memoryBytes: UInt64?
    public var memoryLimitBytes: UInt64?
    /// Percent of one core, as `docker stats` computes it from the pre/post CPU counters.
    public var cpuPercent: Double?
    public var pids: Int?
    /// The cgroup's CPU time and the host's, in nanoseconds, and the host's CPUs: a one-shot
    /// sample has no previous reading, so CPU use comes from two samples (`cpuPercent(since:)`).
    public var cpuNanos: UInt64?
    public var systemCPUNanos: UInt64?
    public var onlineCPUs: Int?

    public init(memoryBytes: UInt64? = nil, memoryLimitBytes: UInt64? = nil, cpuPercent: Double? = nil, pids: Int? = nil,
                cpuNanos: UInt64? = nil, systemCPUNanos: UInt64? = nil, onlineCPUs: Int? = nil) {
        self.memoryBytes = memoryBytes
        self.memoryLimitBytes = memoryLimitBytes
        self.cpuPercent = cpuPercent
        self.pids = pids
        self.cpuNanos = cpuNanos
        self.systemCPUNanos = systemCPUNanos
        self.onlineCPUs = onlineCPUs
    }

    /// Percent of one core used between `previous` and this sample, as `docker stats` computes it.
    public func cpuPercent(since previous: ContainerUsage) -> Double? {
        guard let total = cpuNanos, let system = systemCPUNanos, let before = previous.cpuNanos,
              let systemBefore = previous.systemCPUNanos, system > systemBefore, total >= before else { return nil }
        return Double(total - before) / Double(system - systemBefore) * Double(onlineCPUs ?? 1) * 100
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
                  cpuPercent: cpu, pids: stats.pids_stats?.current, cpuNanos: stats.cpu_stats?.cpu_usage?.total_usage,
                  systemCPUNanos: stats.cpu_stats?.system_cpu_usage,
                  onlineCPUs: stats.cpu_stats?.online_cpus ?? stats.cpu_stats?.cpu_usage?.percpu_usage?.count)
    }
}
