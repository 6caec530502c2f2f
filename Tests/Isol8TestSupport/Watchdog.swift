import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `sh` that waits for the test process to go away and then runs a cleanup command
/// (kill a helper's process group, stop a tmux server). It reads a pipe whose only writer
/// is the test process: the read ends however the test process ends — exit, a failed
/// run, Ctrl-C, a crash or SIGKILL — so nothing a test started outlives the suite.
final class Watchdog {
    private let pid: pid_t
    private var writeEnd: Int32

    init(cleanup: String) throws {
        // Close-on-exec: no other child may hold the write end, or the read would never end.
        let (readEnd, writeEnd) = try Spawn.closeOnExecPair()
        defer { close(readEnd) }
        self.writeEnd = writeEnd
        // Its own process group and SIGINT/SIGHUP ignored: a Ctrl-C that kills the tests must
        // not kill the watchdog before it has cleaned up.
        let script = "trap '' INT HUP; read _; " + cleanup
        do {
            pid = try Spawn.start(["/bin/sh", "-c", script], stdin: readEnd, ownGroup: true)
        } catch {
            close(writeEnd)
            throw error
        }
    }

    /// The owner cleaned up itself: the watchdog goes without running its command.
    func dismiss() {
        guard writeEnd >= 0 else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        close(writeEnd)
        writeEnd = -1
    }

    deinit { dismiss() }
}
