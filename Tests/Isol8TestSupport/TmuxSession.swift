import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A real terminal for end-to-end tests: a tmux server of its own (its own socket, no user
/// config, so tests never touch the user's sessions) running one command in a window of a
/// given size. A `Watchdog` stops the server if the test process ends without `close()`.
public final class TmuxSession: RunningHelper, @unchecked Sendable {
    private static let target = "test"
    /// An explicit socket path (not `-L`), known before the server exists, for the watchdog.
    public let socketPath = FileManager.default.temporaryDirectory
        .appendingPathComponent("isol8-tmux-\(getpid())-\(UUID().uuidString.prefix(8))").path
    private var watchdog: Watchdog?

    /// Starts `command` (a shell command line) in a `width`×`height` window, in `directory`.
    /// With `test`, the server goes away when that test ends, however it ends.
    public init(_ command: String, width: Int = 80, height: Int = 24, directory: String? = nil, in test: XCTestCase? = nil) throws {
        watchdog = try Watchdog(cleanup: "tmux -S '\(socketPath)' kill-server 2>/dev/null; rm -f '\(socketPath)'")
        HelperRegistry.shared.add(self)
        test?.addTeardownBlock { [self] in close() }
        try tmux(["new-session", "-d", "-s", Self.target, "-x", "\(width)", "-y", "\(height)"]
                 + (directory.map { ["-c", $0] } ?? []) + [command])
    }

    public var helperDescription: String { "tmux server \(socketPath)" }

    public var isRunning: Bool { (try? Spawn.run(["tmux", "-S", socketPath, "has-session"]).status) == 0 }

    /// Stops the server (and whatever still runs in it) and removes its socket.
    @discardableResult
    public func stop(timeout: TimeInterval = 0) -> Int32 {
        close()
        return 0
    }

    public func close() {
        watchdog?.dismiss()
        watchdog = nil
        _ = try? tmux(["kill-server"])
        unlink(socketPath)
        HelperRegistry.shared.remove(self)
    }

    /// Presses keys by tmux name (`Enter`, `Escape`, `C-c`, `F5`, `r`).
    public func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", Self.target] + keys)
    }

    /// Types text literally.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", Self.target, "-l", text])
    }

    /// Raw bytes, for input tmux has no key name for (X10 mouse reports).
    public func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", Self.target, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// What an xterm sends (SGR 1006 encoding) for a mouse button at 0-based column `x`,
    /// row `y`: press and release for buttons, a single event for the wheel (64 up, 65 down).
    public func mouse(button: Int, x: Int, y: Int) throws {
        try type("\u{1B}[<\(button);\(x + 1);\(y + 1)M")
        if button < 64 { try type("\u{1B}[<\(button);\(x + 1);\(y + 1)m") }
    }

    /// Changes the window size, as a user dragging the terminal would.
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", Self.target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The screen, one string per row; `styled` keeps colours and attributes as SGR escapes,
    /// `joined` joins wrapped lines (and keeps trailing spaces).
    public func screen(styled: Bool = false, joined: Bool = false) throws -> [String] {
        let flags = (styled ? ["-e"] : []) + (joined ? ["-J"] : [])
        var rows = try tmux(["capture-pane", "-p", "-t", Self.target] + flags, capture: true).components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// A tmux format evaluated for the pane, such as `#{mouse_any_flag}`: what the program
    /// in it asked the terminal for.
    public func paneFormat(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", Self.target, format], capture: true).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `condition` holds for the whole of what the test will assert;
    /// throws `Poll.Timeout` with the last screen if it never does.
    @discardableResult
    public func waitFor(_ what: String, timeout: TimeInterval = Poll.defaultTimeout, styled: Bool = false, joined: Bool = false,
                        file: StaticString = #filePath, line: UInt = #line, _ condition: ([String]) throws -> Bool) throws -> [String] {
        try Poll.until(what, timeout: timeout, file: file, line: line,
                       look: { try screen(styled: styled, joined: joined) }, holds: condition,
                       describe: { $0.joined(separator: "\n") })
    }

    /// Waits until the command in the window has exited (the session ends with it).
    public func waitForEnd(file: StaticString = #filePath, line: UInt = #line) throws {
        try Poll.until("the command in the tmux window to exit", file: file, line: line,
                       look: { (self.isRunning, (try? self.screen()) ?? []) }, holds: { running, _ in !running },
                       describe: { $0.1.joined(separator: "\n") })
    }

    /// Waits until some row contains `text`.
    @discardableResult
    public func waitFor(text: String, timeout: TimeInterval = Poll.defaultTimeout,
                        file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try waitFor("\"\(text)\"", timeout: timeout, file: file, line: line) { $0.contains { $0.contains(text) } }
    }

    /// Sets a tmux option for this server (`set-clipboard on` lets programs write its buffers).
    public func setOption(_ name: String, _ value: String) throws {
        try tmux(["set-option", "-g", name, value])
    }

    /// The paste buffers' contents, newest first: where an OSC 52 clipboard write lands.
    public func buffers() throws -> [String] {
        try tmux(["list-buffers", "-F", "#{buffer_sample}"], capture: true).split(separator: "\n").map(String.init)
    }

    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = false) throws -> String {
        let argv = ["tmux", "-u", "-f", "/dev/null", "-S", socketPath] + arguments
        let (status, output) = try Spawn.run(argv, capture: capture)
        guard status == 0 else { throw Spawn.Failed(argv: argv, reason: "exit \(status)") }
        return output
    }
}
