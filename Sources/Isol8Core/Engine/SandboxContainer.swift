import Foundation
import Logging

/// A running engine container and the execs isol8 performs in it.
public struct SandboxContainer: Sendable {
    public let id: String
    public let image: String
    public let runtime: Runtime
    let client: DockerClient
    /// The engine's logger with this container's runtime and id as metadata.
    let logger: Logger

    /// Writes bytes to a path as the sandbox user (see `SandboxFileWriter`).
    public func writeFile(_ path: String, _ data: Data) async throws {
        try await SandboxFileWriter(client: client, containerID: id).write(data, to: path)
    }

    /// Reads a regular file as the sandbox user within `limits` (see `SandboxFileReader`).
    public func readFile(_ path: String, limits: FileReadLimits = FileReadLimits()) async throws -> Data {
        try await SandboxFileReader(client: client, containerID: id, limits: limits).read(path)
    }

    /// Runs a command as root (engine-internal work: cleanup, counters).
    public func runAsRoot(_ argv: [String]) async throws -> ExecOutput {
        try await client.run(id, ExecSpec(cmd: argv))
    }

    /// How many times the kernel OOM killer fired in this container's cgroup (v1 or v2).
    public func oomKillCount() async -> Int {
        let script = "cat /sys/fs/cgroup/memory/memory.oom_control 2>/dev/null || cat /sys/fs/cgroup/memory.events 2>/dev/null"
        guard let output = try? await runAsRoot(["sh", "-c", script]) else { return 0 }
        for line in output.stdoutText.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, fields[0] == "oom_kill", let count = Int(fields[1]) { return count }
        }
        return 0
    }

    /// Runs user code as `sandbox`, handing each output chunk over as it arrives. The
    /// host-side timer guarantees the call returns even if orphaned children keep the
    /// pipes open.
    public func runUserCode(_ argv: [String], workdir: String, env: [String], timeoutMs: Int,
                            cancel: CancelToken = CancelToken(),
                            onOutput: @escaping @Sendable (OutputChannel, Data) -> Void) async throws -> UserCodeOutcome {
        let execID = try await client.createExec(id, ExecSpec(cmd: argv, user: "sandbox", workingDir: workdir, env: env))
        let timer = HostTimer(afterMs: timeoutMs) { cancel.cancel() }
        let started = DispatchTime.now()
        var interrupted = false
        do {
            try await client.startExec(execID, cancel: cancel, onOutput: onOutput)
        } catch DockerError.cancelled {
            interrupted = true
        }
        timer.disarm()
        let elapsedMs = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        let details = try? await client.inspectExec(execID)
        let exitCode = details?.ExitCode ?? (interrupted ? 137 : 1)
        let killedByTimeout = interrupted && timer.fired
            || (exitCode == 137 && elapsedMs >= ExecutionPlan.timeoutSeconds(timeoutMs) * 1000 - 100)
        return UserCodeOutcome(exitCode: killedByTimeout ? 137 : exitCode, durationMs: elapsedMs,
                               timedOut: killedByTimeout, cancelled: interrupted && !timer.fired)
    }
}

public struct UserCodeOutcome: Sendable {
    public var exitCode: Int
    public var durationMs: Int
    public var timedOut: Bool
    public var cancelled: Bool
}

/// Fires once after a delay unless disarmed first.
final class HostTimer: @unchecked Sendable {
    private let lock = NSLock()
    private var armed = true
    private var didFire = false

    init(afterMs: Int, action: @escaping @Sendable () -> Void) {
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(afterMs)) { [self] in
            let shouldFire = lock.withLock { () -> Bool in
                guard armed else { return false }
                didFire = true
                return true
            }
            if shouldFire { action() }
        }
    }

    var fired: Bool { lock.withLock { didFire } }

    func disarm() { lock.withLock { armed = false } }
}
