import BenchSupport
import Foundation
import TerminalKit

/// One command in a tmux server of its own (never the user's sessions), in a window of a
/// fixed size: the real terminal the flood benchmark drives `isol8-tui` in.
final class Tmux {
    private static let target = "bench"
    private let socket = "isol8-tui-bench-\(getpid())-\(UUID().uuidString.prefix(8))"
    private var socketPath = ""

    /// Starts `command` (a shell command line) in a `size` window with `directory` as cwd.
    init(_ command: String, size: Size, directory: String) throws {
        try tmux(["new-session", "-d", "-s", Tmux.target, "-x", "\(size.width)", "-y", "\(size.height)",
                  "-c", directory, command])
        socketPath = try tmux(["display-message", "-p", "-t", Tmux.target, "#{socket_path}"], capture: true)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit {
        close()
    }

    /// Stops the server (and whatever still runs in it) and removes its socket.
    func close() {
        _ = try? tmux(["kill-server"])
        if !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
        socketPath = ""
    }

    /// The process the window runs (the command itself when it was started with `exec`).
    func panePID() throws -> pid_t {
        let text = try tmux(["display-message", "-p", "-t", Tmux.target, "#{pane_pid}"], capture: true)
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Spawn.Failed(argv: ["tmux", "display-message"], reason: "no pane pid in \(text)")
        }
        return pid
    }

    /// Presses keys by tmux name (`r`, `Enter`, `C-c`).
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", Tmux.target] + keys)
    }

    /// The screen as text.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", Tmux.target], capture: true)
    }

    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = false) throws -> String {
        let argv = ["tmux", "-L", socket] + arguments
        let (status, output) = try Spawn.run(argv, capture: capture)
        guard status == 0 else { throw Spawn.Failed(argv: argv, reason: "exit \(status)") }
        return output
    }
}
