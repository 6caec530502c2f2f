import Foundation
import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// An interactive program in a container on the user's own terminal: Docker's exec with `Tty`
/// over a hijacked connection (one raw byte stream each way, no frames), the terminal in raw
/// mode while it runs and put back after, and the window size sent at the start and whenever
/// it changes. Returns the program's exit code once it ends.
struct TerminalExec {
    let client: DockerClient

    func run(container: String, command: [String], user: String, workdir: String, terminal: HostTerminal) async throws -> Int? {
        var spec = ExecSpec(cmd: command, user: user, workingDir: workdir, env: ["TERM=\(terminal.termName)"])
        spec.AttachStdin = true
        spec.Tty = true
        let execID = try await client.createExec(container, spec)
        let prefix = try await client.versionPrefix()
        let (easy, fd, early) = try RawSocket.startExec(on: client.transport, path: "\(prefix)/exec/\(execID)/start", tty: true)
        defer { curl_easy_cleanup(easy) }
        let client = client
        let resize: @Sendable (TerminalSize) -> Void = { size in
            Task { _ = try? await client.call("POST", "/exec/\(execID)/resize?h=\(size.rows)&w=\(size.columns)", okStatuses: [200, 201]) }
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            Thread.detachNewThread {
                do {
                    try terminal.withRawMode { try Self.pump(socket: fd, early: early, terminal: terminal, resize: resize) }
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        return try await client.inspectExec(execID).ExitCode
    }

    /// Copies the terminal's input to the socket and the socket to the terminal's output
    /// until the program closes its side; checks the window size between reads.
    private static func pump(socket: Int32, early: Data, terminal: HostTerminal, resize: (TerminalSize) -> Void) throws {
        if !early.isEmpty { terminal.write(early) }
        var size = terminal.size()
        if let size { resize(size) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var fds = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: terminal.input, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, 250)
            if ready < 0 && errno != EINTR { throw DockerError.protocolError("poll failed: \(String(cString: strerror(errno)))") }
            if let now = terminal.size(), now != size {
                size = now
                resize(now)
            }
            if fds[0].revents != 0 {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count == 0 { return }
                if count > 0 { terminal.write(Data(buffer[0..<count])) }
                if count < 0 && errno != EINTR && errno != EAGAIN { return }
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                let count = read(terminal.input, &buffer, buffer.count)
                if count > 0 { try RawSocket.writeAll(socket, Data(buffer[0..<count])) }
                if count == 0 { return }
            } else if fds[1].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                // The user's terminal is gone (closed window): nobody is left to type.
                return
            }
        }
    }
}

/// Rows and columns of a terminal window.
public struct TerminalSize: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
}

/// The terminal a `TerminalExec` takes over: where keys come from and output goes.
public struct HostTerminal: Sendable {
    public var input: Int32
    public var output: Int32
    /// `TERM` for the program: the user's own, so it draws as this terminal expects.
    public var termName: String

    /// The process's own terminal.
    public static var standard: HostTerminal {
        HostTerminal(input: STDIN_FILENO, output: STDOUT_FILENO,
                     termName: ProcessInfo.processInfo.environment["TERM"].flatMap { $0.isEmpty ? nil : $0 } ?? "xterm-256color")
    }

    func size() -> TerminalSize? {
        var window = winsize()
        guard ioctl(output, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else { return nil }
        return TerminalSize(rows: Int(window.ws_row), columns: Int(window.ws_col))
    }

    func write(_ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(output, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Runs `body` with the input in raw mode (keys go to the program as typed, Ctrl-C
    /// included), and puts the terminal back as it was, whatever happens.
    func withRawMode<T>(_ body: () throws -> T) throws -> T {
        var saved = termios()
        guard isatty(input) == 1, tcgetattr(input, &saved) == 0 else { return try body() }
        var raw = saved
        cfmakeraw(&raw)
        tcsetattr(input, TCSANOW, &raw)
        defer { tcsetattr(input, TCSANOW, &saved) }
        return try body()
    }
}
