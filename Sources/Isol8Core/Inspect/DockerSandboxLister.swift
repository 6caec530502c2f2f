import Foundation

/// The Sandboxes list on a Docker daemon: every container labelled `isol8.managed=true` or
/// made from an `isol8:*` image (the original isol8 labels only some of its containers, and a
/// container made by hand has no labels at all).
public struct DockerSandboxLister: SandboxLister {
    public let client: DockerClient
    private let cpu = CPUSampler()

    public init(client: DockerClient) {
        self.client = client
    }

    public func list() async throws -> [SandboxSummary] {
        let containers = try await client.listContainers(all: true).filter(Self.isSandbox)
        return await withTaskGroup(of: SandboxSummary.self) { group in
            for container in containers {
                group.addTask { await summary(container) }
            }
            var rows: [SandboxSummary] = []
            for await row in group { rows.append(row) }
            return rows
        }
    }

    public func watch(cancel: CancelToken, onChange: @escaping @Sendable () -> Void) async throws {
        let lifecycle = ["create", "start", "restart", "pause", "unpause", "die", "stop", "destroy", "rename", "oom"]
        try await client.events(filters: ["type": ["container"], "event": lifecycle], cancel: cancel) { event in
            let attributes = event.Actor?.Attributes ?? [:]
            if attributes["isol8.managed"] == "true" || (attributes["image"] ?? "").hasPrefix(Self.imagePrefix) { onChange() }
        }
    }

    public func stop(_ id: String) async throws {
        try await client.stopContainer(id, graceSeconds: 2)
    }

    public func remove(_ id: String) async throws {
        try await client.removeContainer(id, force: true)
    }

    static let imagePrefix = "isol8:"

    static func isSandbox(_ container: ContainerSummary) -> Bool {
        container.Labels?["isol8.managed"] == "true" || container.Image.hasPrefix(imagePrefix)
    }

    static func origin(labels: [String: String]) -> SandboxSummary.Origin {
        guard labels["isol8.managed"] == "true" else { return .other }
        if labels[ContainerOwner.keepLabel] == "true" { return .persisted }
        return labels[ContainerBlueprint.modeLabel] == Isol8Mode.persistent.rawValue ? .session : .pool
    }

    static func runtime(labels: [String: String], image: String) -> String? {
        labels["isol8.runtime"] ?? (image.hasPrefix(imagePrefix) ? String(image.dropFirst(imagePrefix.count)) : nil)
    }

    private func summary(_ container: ContainerSummary) async -> SandboxSummary {
        let labels = container.Labels ?? [:]
        let state = container.State ?? "unknown"
        var usage: ContainerUsage?
        if state == "running", let stats = try? await client.stats(container.Id) {
            usage = ContainerUsage(stats)
            usage?.cpuPercent = cpu.percent(container.Id, stats)
        }
        return SandboxSummary(
            id: container.Id,
            name: (container.Names?.first ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/")),
            image: container.Image, runtime: Self.runtime(labels: labels, image: container.Image), state: state,
            created: container.Created.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            origin: Self.origin(labels: labels), usage: usage)
    }
}

/// A one-shot stats sample has no earlier CPU counters, so the percentage comes from the
/// difference to the previous listing's sample of the same container.
final class CPUSampler: @unchecked Sendable {
    private struct Sample { var total: UInt64; var system: UInt64 }
    private let lock = NSLock()
    private var previous: [String: Sample] = [:]

    func percent(_ id: String, _ stats: ContainerStats) -> Double? {
        guard let total = stats.cpu_stats?.cpu_usage?.total_usage, let system = stats.cpu_stats?.system_cpu_usage else { return nil }
        let cores = Double(stats.cpu_stats?.online_cpus ?? 1)
        let before = lock.withLock { () -> Sample? in
            defer { previous[id] = Sample(total: total, system: system) }
            return previous[id]
        }
        guard let before, system > before.system, total >= before.total else { return nil }
        return Double(total - before.total) / Double(system - before.system) * cores * 100
    }
}
