import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A real terminal for end-to-end tests: a tmux server of its own (so tests never touch the
/// user's sessions) running one command in a window of a given size.
final class TmuxSession {
    let socket = "isol8-tui-test-\(UUID().uuidString.prefix(8))"
    static let target = "tui"

    /// The products folder the test bundle sits in (Linux) or next to (macOS).
    static let products: URL = {
        let bundle = Bundle(for: TmuxSession.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("isol8-tui").path) }
            ?? candidates[0]
    }()

    static let binary = products.appendingPathComponent("isol8-tui").path

    /// The repository root, where `examples/` lives.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The server's socket file, removed with the server.
    private var socketPath = ""

    /// Starts `command` (a shell command line) in a `width`×`height` window; the server (and
    /// whatever still runs in it) goes away when the test ends, however it ends.
    init(_ command: String, width: Int = 120, height: Int = 40, in test: XCTestCase) throws {
        try tmux(["new-session", "-d", "-s", TmuxSession.target, "-x", "\(width)", "-y", "\(height)",
                  "-c", TmuxSession.root, command], output: false)
        socketPath = try tmux(["display-message", "-p", "-t", TmuxSession.target, "#{socket_path}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        test.addTeardownBlock { [self] in close() }
    }

    /// Stops the server and removes its socket.
    func close() {
        _ = try? tmux(["kill-server"], output: false)
        if !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
    }

    /// Presses keys by tmux name (`Enter`, `Escape`, `C-c`, `F5`, `r`).
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", TmuxSession.target] + keys, output: false)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", TmuxSession.target, "-l", text], output: false)
    }

    /// The screen as rows of text.
    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", TmuxSession.target]).components(separatedBy: "\n").dropLast().map { $0 }
    }

    /// The screen with its colours and attributes as SGR escapes.
    func styledScreen() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", TmuxSession.target])
    }

    /// A tmux format evaluated for the pane, such as `#{mouse_any_flag}`: what the program
    /// in it asked the terminal for.
    func paneFormat(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", TmuxSession.target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What an xterm sends (SGR 1006 encoding) for a mouse button at 0-based column `x`,
    /// row `y`: press and release for buttons, a single event for the wheel (64 up, 65 down).
    func mouse(button: Int, x: Int, y: Int) throws {
        try type("\u{1B}[<\(button);\(x + 1);\(y + 1)M")
        if button < 64 { try type("\u{1B}[<\(button);\(x + 1);\(y + 1)m") }
    }

    /// Changes the window size, as a user dragging the terminal would.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", TmuxSession.target, "-x", "\(width)", "-y", "\(height)"], output: false)
    }

    /// Polls the screen until `condition` holds; fails the test with the last screen if it
    /// never does.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(100_000)
        }
        XCTFail("timed out waiting for \(what); screen:\n\(last.joined(separator: "\n"))", file: file, line: line)
        throw XCTSkip("gave up waiting for \(what)")
    }

    /// Waits until some row contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try waitFor("\"\(text)\"", timeout: timeout, file: file, line: line) { $0.contains { $0.contains(text) } }
    }

    /// Runs a tmux client with posix_spawn and waits for it. Only `output` commands get a
    /// pipe: the server that `new-session` starts would inherit it and hold it open for its
    /// whole life. (Foundation's `Process` was seen never to notice such a client exit.)
    @discardableResult
    private func tmux(_ arguments: [String], output: Bool = true) throws -> String {
        var pipe: [Int32] = [-1, -1]
        if output { guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if output {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        let argv = ["tmux", "-L", socket] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, &cArgs, environ)
        if output { Glibc.close(pipe[1]) }
        guard spawned == 0 else {
            if output { Glibc.close(pipe[0]) }
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
        }
        var data = Data()
        if output {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(pipe[0], &buffer, buffer.count)
                if n <= 0 { break }
                data.append(buffer, count: n)
            }
            Glibc.close(pipe[0])
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: data, as: UTF8.self)
    }
}
