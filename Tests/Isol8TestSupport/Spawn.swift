import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts programs with posix_spawn. Foundation's `Process` was seen to miss the exit of a
/// tmux client that has just forked its server, and cannot put a child in a process group.
public enum Spawn {
    public struct Failed: Error, CustomStringConvertible {
        public let argv: [String]
        public let reason: String
        public var description: String { "\(argv.joined(separator: " ")): \(reason)" }

        public init(argv: [String], reason: String) {
            self.argv = argv
            self.reason = reason
        }
    }

    /// Starts `argv` (looked up on PATH) and returns its pid. Unset streams are /dev/null;
    /// `ownGroup` makes it the leader of a new process group (its pid is the group id).
    static func start(_ argv: [String], stdin: Int32? = nil, stdout: String? = nil, stderr: String? = nil,
                      ownGroup: Bool = false, directory: String? = nil, environment: [String: String]? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdin { posix_spawn_file_actions_adddup2(&actions, stdin, 0) } else { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if ownGroup {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        // posix_spawn has no portable chdir: a shell changes directory, then becomes the program.
        let command = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0] + argv } ?? argv
        return try spawn(command, &actions, &attributes, environment: environment)
    }

    /// A connected pair of sockets (a pipe that works both ways), closed on exec: no other
    /// child started meanwhile inherits them. `dup2` onto a child's stdin clears the flag.
    static func closeOnExecPair() throws -> (Int32, Int32) {
        var fds: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
            throw Failed(argv: ["socketpair"], reason: String(cString: strerror(errno)))
        }
        return (fds[0], fds[1])
    }

    /// Runs `argv` to completion with stdin and stderr on /dev/null; stdout is captured only
    /// when asked: a pipe handed to `tmux new-session` would be inherited by the server it
    /// starts and held open for the server's whole life. A program still running after
    /// `timeout` seconds is killed and reported: a hung tool fails its test, not the suite.
    @discardableResult
    public static func run(_ argv: [String], capture: Bool = false, timeout: TimeInterval = 120) throws -> (status: Int32, output: String) {
        var fds: [Int32] = [-1, -1]
        if capture { (fds[0], fds[1]) = try closeOnExecPair() }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let pid: pid_t
        do {
            pid = try spawn(argv, &actions, &attributes, environment: nil)
        } catch {
            if capture { close(fds[0]); close(fds[1]) }
            throw error
        }
        let deadline = Date().addingTimeInterval(timeout)
        var output: [UInt8] = []
        if capture {
            close(fds[1])
            output = readUntilClosed(fds[0], deadline: deadline)
            close(fds[0])
        }
        guard let status = waitForExit(pid, deadline: deadline) else {
            kill(pid, SIGKILL)
            _ = waitForExit(pid)
            throw Failed(argv: argv, reason: "still running after \(Int(timeout)) s, killed")
        }
        return (status, String(decoding: output, as: UTF8.self))
    }

    /// What `fd` gives until its writers close it or the deadline passes.
    private static func readUntilClosed(_ fd: Int32, deadline: Date) -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let remainingMs = Int32((max(0, min(deadline.timeIntervalSinceNow, 3_600)) * 1_000).rounded(.up))
            let ready = poll(&pfd, 1, remainingMs)
            if ready == 0 { break }
            if ready < 0 { if errno == EINTR { continue } else { break } }
            let n = read(fd, &buffer, buffer.count)
            if n > 0 { output += buffer[..<n] } else if n == 0 || errno != EINTR { break }
        }
        return output
    }

    /// The exit status once `pid` has ended, or nil if it is still running at the deadline
    /// (left unreaped, so its pid cannot have been reused when the caller kills it).
    private static func waitForExit(_ pid: pid_t, deadline: Date) -> Int32? {
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return exitStatus(status) }
            if reaped < 0 && errno != EINTR { return 128 + SIGKILL }
            if Date() >= deadline { return nil }
            usleep(2_000)
        }
    }

    /// Reaps `pid` and returns its exit status (128 + signal when a signal ended it).
    static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return exitStatus(status)
    }

    static func exitStatus(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    private static func spawn(_ argv: [String], _ actions: inout posix_spawn_file_actions_t, _ attributes: inout posix_spawnattr_t,
                              environment: [String: String]?) throws -> pid_t {
        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let cEnv: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { cEnv?.forEach { free($0) } }
        var pid: pid_t = 0
        let result = cEnv.map { env in env.withUnsafeBufferPointer { posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, $0.baseAddress) } }
            ?? posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, environ)
        guard result == 0 else { throw Failed(argv: argv, reason: String(cString: strerror(result))) }
        return pid
    }
}
