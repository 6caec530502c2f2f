import Foundation

/// Reads one regular file out of a running sandbox with bounded memory and time. The type
/// check, the size check and the read happen in one exec, and the read stops one byte past
/// the cap under its own `timeout`, so a file swapped for a device or a FIFO between the
/// check and the read still costs at most the cap or the timeout.
struct SandboxFileReader {
    let client: DockerClient
    let containerID: String
    let limits: FileReadLimits

    // The script's own refusals, outside the codes `head` and `timeout` use.
    private static let notRegularExit = 90
    private static let tooLargeExit = 91
    private static let killedExit = 137
    private static let script = """
        if [ -e "$1" ] && [ ! -f "$1" ]; then stat -L -c %F "$1"; exit 90; fi
        if [ -f "$1" ]; then size=$(stat -L -c %s "$1"); if [ "$size" -gt "$2" ]; then echo "$size"; exit 91; fi; fi
        exec timeout -s KILL "$3" head -c "$(($2 + 1))" "$1"
        """
    /// Room for `head`'s error message; anything longer is cut.
    private static let stderrLimit = 4096

    func read(_ path: String) async throws -> Data {
        let seconds = max(1, (limits.timeoutMs + 999) / 1000)
        let argv = ["sh", "-c", Self.script, "sh", path, String(limits.maxBytes), String(seconds)]
        let execID = try await client.createExec(containerID, ExecSpec(cmd: argv, user: "sandbox"))
        let output = BoundedExecOutput(stdoutLimit: limits.maxBytes + 1, stderrLimit: Self.stderrLimit)
        let cancel = CancelToken()
        // The in-container `timeout` should end it first; this also covers a stuck daemon.
        let timer = HostTimer(afterMs: limits.timeoutMs + 1000) { cancel.cancel() }
        defer { timer.disarm() }
        do {
            try await client.startExec(execID, cancel: cancel) { stream, data in
                if !output.append(stream, data) { cancel.cancel() }
            }
        } catch DockerError.cancelled {
            if output.overflowed { throw SandboxFileError.tooLarge(path: path, size: nil, limit: limits.maxBytes) }
            throw SandboxFileError.timedOut(path: path, timeoutMs: limits.timeoutMs)
        }
        let exitCode = try await client.inspectExec(execID).ExitCode ?? 1
        let (stdout, stderr) = output.snapshot()
        let message = String(decoding: stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch exitCode {
        case 0 where stdout.count > limits.maxBytes:
            throw SandboxFileError.tooLarge(path: path, size: nil, limit: limits.maxBytes)
        case 0:
            return stdout
        case Self.notRegularExit:
            throw SandboxFileError.notRegular(path: path, kind: message)
        case Self.tooLargeExit:
            throw SandboxFileError.tooLarge(path: path, size: Int(message), limit: limits.maxBytes)
        case Self.killedExit:
            throw SandboxFileError.timedOut(path: path, timeoutMs: limits.timeoutMs)
        default:
            throw Isol8Error.fileRead(path: path, stderr: String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                                      exitCode: exitCode)
        }
    }
}

/// Exec output collected from the transfer thread up to fixed sizes.
final class BoundedExecOutput: @unchecked Sendable {
    private let lock = NSLock()
    private let stdoutLimit: Int
    private let stderrLimit: Int
    private var stdout = Data()
    private var stderr = Data()
    private var stdoutReceived = 0

    init(stdoutLimit: Int, stderrLimit: Int) {
        self.stdoutLimit = stdoutLimit
        self.stderrLimit = stderrLimit
    }

    /// Keeps what fits; false once stdout went past its limit (the caller stops the exec).
    func append(_ stream: OutputChannel, _ data: Data) -> Bool {
        lock.withLock {
            if stream == .stderr {
                stderr.append(data.prefix(max(0, stderrLimit - stderr.count)))
                return true
            }
            stdoutReceived += data.count
            stdout.append(data.prefix(max(0, stdoutLimit - stdout.count)))
            return stdoutReceived <= stdoutLimit
        }
    }

    var overflowed: Bool { lock.withLock { stdoutReceived > stdoutLimit } }

    func snapshot() -> (Data, Data) { lock.withLock { (stdout, stderr) } }
}
