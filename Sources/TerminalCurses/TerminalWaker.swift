import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// The thread-safe half of a ``CursesTerminal``: a pipe whose read end the UI thread polls.
///
/// Engine threads keep this (not the terminal, which must stay on its thread) and call
/// ``wake()`` after queueing work for the UI. It owns the pipe, so a waker that outlives its
/// terminal writes into a pipe nobody reads instead of into a reused file descriptor.
public final class TerminalWaker: @unchecked Sendable {
    // Immutable after init; write(2) on a pipe is safe from any thread.
    let readFD: Int32
    let writeFD: Int32

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard cn_make_pipe(&fds) == 0 else { throw CursesError.pipeFailed(errno) }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// Makes a blocked ``CursesTerminal/nextEvent(timeoutMs:)`` return `.wake` at once.
    /// Never blocks: when the pipe is full a wake-up is already pending.
    public func wake() {
        var byte: UInt8 = UInt8(ascii: "w")
        _ = write(writeFD, &byte, 1)
    }

    /// Empties the pipe; tells which kinds of byte were in it.
    func drain() -> (wake: Bool, resize: Bool) {
        var wake = false, resize = false
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(readFD, &buffer, buffer.count)
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                break
            }
            for b in buffer[0..<n] {
                if b == UInt8(ascii: "r") { resize = true } else { wake = true }
            }
        }
        return (wake, resize)
    }
}
