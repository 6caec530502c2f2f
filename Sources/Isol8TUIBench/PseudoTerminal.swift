import CPty
import Foundation
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// A pty standing in for the benchmark's terminal: curses writes its real escape bytes to the
/// slave side through the kernel, and a thread reads the master side the way a terminal
/// emulator would, counting the bytes.
final class PseudoTerminal {
    struct Failed: Error, CustomStringConvertible {
        let step: String
        let reason = String(cString: strerror(errno))
        var description: String { "pty: \(step) failed: \(reason)" }
    }

    private let master: Int32
    private let slave: Int32
    private let lock = NSLock()
    private var received = 0
    private var savedStandardIO: (input: Int32, output: Int32)?

    /// Opens a pty of `size` and starts reading it.
    init(size: Size) throws {
        var master: Int32 = -1, slave: Int32 = -1
        guard cpty_open(Int32(size.height), Int32(size.width), &master, &slave) == 0 else {
            throw Failed(step: "opening a \(size.width)×\(size.height) pty")
        }
        self.master = master
        self.slave = slave
        let thread = Thread { [master, weak self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while case let n = read(master, &buffer, buffer.count), n > 0 {
                guard let self else { return }
                self.lock.withLock { self.received += n }
            }
        }
        thread.start()
    }

    /// Bytes read from the terminal once it has stayed quiet for 50 ms (everything written
    /// so far has arrived).
    func settledBytes() -> Int {
        var last = -1
        while true {
            let now = lock.withLock { received }
            if now == last { return now }
            last = now
            usleep(50_000)
        }
    }

    /// Points stdin and stdout at the pty until ``restoreStandardIO()``; curses opens on them.
    func becomeStandardIO() {
        fflush(stdout)
        savedStandardIO = (dup(STDIN_FILENO), dup(STDOUT_FILENO))
        dup2(slave, STDIN_FILENO)
        dup2(slave, STDOUT_FILENO)
    }

    /// Gives stdin and stdout back.
    func restoreStandardIO() {
        guard let saved = savedStandardIO else { return }
        fflush(stdout)
        dup2(saved.input, STDIN_FILENO)
        dup2(saved.output, STDOUT_FILENO)
        close(saved.input)
        close(saved.output)
        savedStandardIO = nil
    }
}
