import Foundation
import XCTest

/// A private tmux server (its own socket, no user config) running one command in an 80×24
/// pane, for driving a real terminal from tests.
final class TmuxSession {
    let socket: String
    let name: String

    private static var counter = 0

    init(prefix: String) {
        TmuxSession.counter += 1
        socket = "tc-\(getpid())-\(TmuxSession.counter)"
        name = "\(prefix)-\(TmuxSession.counter)"
    }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
            || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    private var socketPath = ""

    func start(command: String, width: Int = 80, height: Int = 24) throws {
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        socketPath = try display("#{socket_path}")
    }

    func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Raw bytes, for input tmux has no key name for (mouse reports).
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", name, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen, one string per row (wrapped lines joined with -J when asked).
    func capture(escapes: Bool = false, joined: Bool = false) throws -> [String] {
        var args = ["capture-pane", "-p", "-t", name]
        if escapes { args.append("-e") }
        if joined { args.append("-J") }
        let out = try tmux(args)
        var rows = out.components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// A tmux format such as `#{mouse_any_flag}` for the pane.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds; fails the test with the last screen if it
    /// never does. The limit only bounds a hang: it is not a timing assertion.
    @discardableResult
    func waitFor(_ what: String, escapes: Bool = false, file: StaticString = #filePath, line: UInt = #line,
                 _ predicate: ([String]) -> Bool) throws -> [String] {
        let limit = Date().addingTimeInterval(15)
        var screen: [String] = []
        while Date() < limit {
            screen = try capture(escapes: escapes, joined: true)
            if predicate(screen) { return screen }
            usleep(50_000)
        }
        XCTFail("timed out waiting for \(what); screen was:\n" + screen.joined(separator: "\n"),
                file: file, line: line)
        return screen
    }

    func kill() {
        _ = try? tmux(["kill-session", "-t", name])
        _ = try? tmux(["kill-server"])
        // tmux leaves the socket file behind; one per test would pile up in /tmp.
        if !socketPath.isEmpty { unlink(socketPath) }
    }

    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        try TmuxSession.run(["tmux", "-u", "-f", "/dev/null", "-L", socket] + args)
    }

    /// posix_spawn rather than Foundation's Process, whose waitUntilExit can miss the exit of
    /// a tmux client that has just forked its server, and hang.
    private static func run(_ argv: [String]) throws -> String {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .ENOENT)
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n > 0 {
                output += buffer[0..<n]
            } else if n == 0 || errno != EINTR {
                break
            }
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }
}
