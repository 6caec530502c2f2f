import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A server a test starts beside it (a web server, a package index, `isol8 serve`, the
/// proxy): in a process group of its own, with stdout and stderr in files the test reads,
/// and a `Watchdog` that ends the group if the test process ends first. `stop()` ends it
/// at once; `HelperRegistry` fails the suite if one is still running when the tests end.
public final class HelperProcess: RunningHelper, @unchecked Sendable {
    public let argv: [String]
    public let pid: pid_t
    private let stdoutFile: String
    private let stderrFile: String
    private let watchdog: Watchdog
    private let lock = NSLock()
    private var status: Int32?
    private var stopped = false

    /// Starts `argv` (looked up on PATH) in `directory` with exactly `environment` (the test
    /// process's own when nil).
    public init(_ argv: [String], directory: String? = nil, environment: [String: String]? = nil) throws {
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-helper-\(UUID().uuidString.prefix(8))").path
        stdoutFile = stem + ".out"
        stderrFile = stem + ".err"
        self.argv = argv
        pid = try Spawn.start(argv, stdout: stdoutFile, stderr: stderrFile, ownGroup: true, directory: directory, environment: environment)
        // SIGTERM first (a server cleans up its containers), SIGKILL for what is left after 10 s.
        let group = "-\(pid)"
        do {
            watchdog = try Watchdog(cleanup: "kill -s TERM -- \(group) 2>/dev/null; n=0; "
                + "while kill -s 0 -- \(group) 2>/dev/null && [ $n -lt 100 ]; do sleep 0.1; n=$((n+1)); done; "
                + "kill -s KILL -- \(group) 2>/dev/null")
        } catch {
            kill(-pid, SIGKILL)
            _ = Spawn.waitForExit(pid)
            throw error
        }
        HelperRegistry.shared.add(self)
    }

    deinit {
        stop(timeout: 10)
        try? FileManager.default.removeItem(atPath: stdoutFile)
        try? FileManager.default.removeItem(atPath: stderrFile)
    }

    public var helperDescription: String { "pid \(pid): \(argv.joined(separator: " "))" }

    /// Everything it wrote to stdout so far.
    public var output: String { (try? String(contentsOfFile: stdoutFile, encoding: .utf8)) ?? "" }
    /// Everything it wrote to stderr so far.
    public var errors: String { (try? String(contentsOfFile: stderrFile, encoding: .utf8)) ?? "" }

    public var isRunning: Bool { exitStatus == nil }

    /// Its exit status once it has exited (128 + n for signal n), nil while it runs.
    public var exitStatus: Int32? {
        lock.withLock {
            if status == nil {
                var raw: Int32 = 0
                if waitpid(pid, &raw, WNOHANG) == pid { status = Spawn.exitStatus(raw) }
            }
            return status
        }
    }

    /// Waits for it to exit on its own; nil when it still runs after `timeout`.
    public func waitForExit(timeout: TimeInterval = Poll.defaultTimeout) -> Int32? {
        try? Poll.until("\(argv[0]) to exit", timeout: timeout, look: { self.exitStatus }, holds: { $0 != nil }) ?? nil
    }

    /// Polls stdout until it contains `text` and returns the whole stdout.
    @discardableResult
    public func waitForOutput(_ text: String, timeout: TimeInterval = Poll.defaultTimeout,
                              file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try Poll.until("\"\(text)\" from \(argv[0])", timeout: timeout, file: file, line: line,
                       look: { (self.output, self.exitStatus) },
                       holds: { output, status in
                           if output.contains(text) { return true }
                           if let status { throw Spawn.Failed(argv: self.argv, reason: "exited \(status) before printing \"\(text)\"; stdout:\n\(output)\nstderr:\n\(self.errors)") }
                           return false
                       },
                       describe: { "stdout:\n\($0.0)\nstderr:\n\(self.errors)" }).0
    }

    /// SIGTERM to its group, SIGKILL after `timeout`; returns its exit status.
    @discardableResult
    public func stop(timeout: TimeInterval = 30) -> Int32 {
        // Once reaped its pid (and group id) may belong to someone else: never signal it again.
        if let status = lock.withLock({ stopped ? status : nil }) { return status }
        lock.withLock { stopped = true }
        watchdog.dismiss()
        defer { HelperRegistry.shared.remove(self) }
        if let status = exitStatus {
            kill(-pid, SIGKILL)  // whatever it left running in its group
            return status
        }
        kill(-pid, SIGTERM)
        if waitForExit(timeout: timeout) == nil {
            kill(-pid, SIGKILL)
            lock.withLock { if status == nil { status = Spawn.waitForExit(pid) } }
        }
        kill(-pid, SIGKILL)  // whatever it left running in its group
        return lock.withLock { status ?? 128 + SIGKILL }
    }
}
