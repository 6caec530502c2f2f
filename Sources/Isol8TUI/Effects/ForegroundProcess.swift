import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program that takes over the terminal (`$EDITOR`): in a process group of its own that
/// is made the terminal's foreground group, so it reads the keyboard and gets Ctrl-C / Ctrl-Z
/// instead of the debugger; afterwards the debugger's group is put back in front.
///
/// Foundation's `Process` cannot do this: its child is not in the foreground group, so a
/// terminal program such as vi is stopped (SIGTTIN) the moment it reads the keyboard.
enum ForegroundProcess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `argv` and waits for it to exit; returns its exit status.
    static func run(_ argv: [String]) throws -> Int32 {
        let terminal = isatty(STDIN_FILENO) == 1 ? STDIN_FILENO : -1
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)  // a group of its own, led by the child
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        var pid = pid_t()
        let arguments = argv.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, argv[0], nil, &attributes, arguments, environ)
        guard spawned == 0 else { throw Failure(description: String(cString: strerror(spawned))) }

        // Changing the foreground group from a background group raises SIGTTOU: ignore it while we do.
        let previous = signal(SIGTTOU, SIG_IGN)
        defer {
            if terminal >= 0 { tcsetpgrp(terminal, getpgrp()) }
            signal(SIGTTOU, previous)
        }
        if terminal >= 0 { tcsetpgrp(terminal, pid) }
        // It may have read the terminal before it was in front and been stopped for it.
        kill(-pid, SIGCONT)
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WUNTRACED)
            if waited == -1 && errno == EINTR { continue }
            guard waited == pid else { throw Failure(description: String(cString: strerror(errno))) }
            if (status & 0xff) == 0x7f {  // stopped (Ctrl-Z, or a read before it was in front)
                if terminal >= 0 { tcsetpgrp(terminal, pid) }
                kill(-pid, SIGCONT)
                continue
            }
            return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        }
    }
}
