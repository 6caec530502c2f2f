import Foundation

/// Resource usage of one run (compat §2.17), read from the container's own cgroup and
/// network counters by one exec at each end of the run. Docker's stats endpoint would
/// answer the same question, but for a freshly started container it first waits for its
/// ~1 s collection cycle, which made every tracked run a second and a half slower.
enum ResourceSampler {
    struct Sample: Equatable {
        var cpuNanoseconds: Double
        var memoryBytes: Double
        var wallNanoseconds: Double
        var receivedBytes: Int
        var sentBytes: Int
    }

    private static let script = """
    cat /sys/fs/cgroup/cpuacct/cpuacct.usage 2>/dev/null || awk '/^usage_usec/ {print $2 * 1000}' /sys/fs/cgroup/cpu.stat
    cat /sys/fs/cgroup/memory/memory.usage_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.current
    date +%s%N
    cat /proc/net/dev
    """

    static func snapshot(_ container: SandboxContainer) async -> Sample? {
        do {
            let output = try await container.runAsRoot(["sh", "-c", script])
            return parse(output.stdoutText)
        } catch {
            container.logger.debug(.stats, "Failed to read counters of \(container.id): \(error)")
            return nil
        }
    }

    /// Three numbers, then `/proc/net/dev` (interface lines `name: rx_bytes … tx_bytes …`).
    static func parse(_ text: String) -> Sample? {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.count >= 3, let cpu = Double(lines[0]), let memory = Double(lines[1]), let wall = Double(lines[2]) else { return nil }
        var received = 0, sent = 0
        for line in lines.dropFirst(3) {
            guard let colon = line.firstIndex(of: ":"), line[..<colon] != "lo" else { continue }
            let fields = line[line.index(after: colon)...].split(separator: " ")
            guard fields.count >= 9, let rx = Int(fields[0]), let tx = Int(fields[8]) else { continue }
            received += rx
            sent += tx
        }
        return Sample(cpuNanoseconds: cpu, memoryBytes: memory, wallNanoseconds: wall, receivedBytes: received, sentBytes: sent)
    }

    /// CPU over the run's own window (equal to Docker's Δcpu/Δsystem × cores × 100),
    /// memory at the end, network as the difference.
    static func usage(start: Sample?, end: Sample) -> ResourceUsage {
        let cpu: Double
        if let start, end.wallNanoseconds > start.wallNanoseconds {
            cpu = max(0, end.cpuNanoseconds - start.cpuNanoseconds) / (end.wallNanoseconds - start.wallNanoseconds) * 100
        } else {
            cpu = 0
        }
        return ResourceUsage(
            cpuPercent: (cpu * 100).rounded() / 100,
            memoryMB: Int((end.memoryBytes / 1_048_576).rounded()),
            networkBytesIn: end.receivedBytes - (start?.receivedBytes ?? 0),
            networkBytesOut: end.sentBytes - (start?.sentBytes ?? 0))
    }
}
