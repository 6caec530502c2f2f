import Foundation

/// Turns Docker stats snapshots into `ResourceUsage` (spec §2.17): CPU over the run's own
/// window (between the two snapshots), memory from the end, network as the difference.
enum ResourceSampler {
    static func snapshot(_ container: SandboxContainer) async -> ContainerStats? {
        do {
            return try await container.client.stats(container.id)
        } catch {
            DebugLog.debug("[Stats] Failed to read stats for \(container.id): \(error)")
            return nil
        }
    }

    static func usage(start: ContainerStats?, end: ContainerStats) -> ResourceUsage {
        let before = start?.cpu_stats ?? end.precpu_stats
        let cpuDelta = Double(end.cpu_stats?.cpu_usage?.total_usage ?? 0) - Double(before?.cpu_usage?.total_usage ?? 0)
        let systemDelta = Double(end.cpu_stats?.system_cpu_usage ?? 0) - Double(before?.system_cpu_usage ?? 0)
        let cores = Double(end.cpu_stats?.online_cpus ?? end.cpu_stats?.cpu_usage?.percpu_usage?.count ?? 1)
        let cpu = cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * cores * 100 : 0
        func bytes(_ stats: ContainerStats?, _ pick: (ContainerStats.Network) -> UInt64?) -> Int {
            Int((stats?.networks ?? [:]).values.reduce(UInt64(0)) { $0 + (pick($1) ?? 0) })
        }
        return ResourceUsage(
            cpuPercent: (cpu * 100).rounded() / 100,
            memoryMB: Int((Double(end.memory_stats?.usage ?? 0) / 1_048_576).rounded()),
            networkBytesIn: bytes(end, \.rx_bytes) - bytes(start, \.rx_bytes),
            networkBytesOut: bytes(end, \.tx_bytes) - bytes(start, \.tx_bytes))
    }
}
