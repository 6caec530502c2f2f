import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs programs with posix_spawn: stdin and stderr on /dev/null, stdout too unless captured.
/// (A pipe handed to `tmux new-session` would be inherited by the server it starts and held
/// open for its whole life, so only commands whose output is wanted get one.) The wait is a
/// blocking `waitpid`: Foundation's `Process.waitUntilExit` looks every 50 ms, which rounds
/// every timed command up to a multiple of that.
public enum Spawn {
    public struct Failed: Error, CustomStringConvertible {
        public let argv: [String]
        public let reason: String
        public init(argv: [String], reason: String) {
            self.argv = argv
            self.reason = reason
        }
        public var description: String { "\(argv.joined(separator: " ")): \(reason)" }
    }

    /// Runs `argv` (looked up on PATH) to completion.
    @discardableResult
    public static func run(_ argv: [String], capture: Bool = false) throws -> (status: Int32, output: String) {
        var pipe: [Int32] = [-1, -1]
        if capture { guard Glibc.pipe(&pipe) == 0 else { throw Failed(argv: argv, reason: "no pipe") } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, argv[0], &actions, nil, &cArgs, environ)
        if capture { close(pipe[1]) }
        guard spawned == 0 else {
            if capture { close(pipe[0]) }
            throw Failed(argv: argv, reason: String(cString: strerror(spawned)))
        }
        var output: [UInt8] = []
        if capture {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while case let n = read(pipe[0], &buffer, buffer.count), n > 0 { output += buffer[..<n] }
            close(pipe[0])
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitCode, String(decoding: output, as: UTF8.self))
    }
}
