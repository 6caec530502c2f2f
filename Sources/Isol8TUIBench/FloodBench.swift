import BenchSupport
import Foundation
import Isol8TUI
import TerminalKit

/// The flood benchmark: `examples/flood.py` run from the real `isol8-tui` in tmux,
/// against the same run through `isol8 run … >/dev/null`, with key presses probing the
/// debugger while the output streams.
struct FloodBench {
    /// The window the debugger runs in.
    static let size = Size(width: 200, height: 60)
    /// `w` toggles wrap on the Output pane: it changes the screen (the `wrap:` indicator) and
    /// nothing else, so it can be pressed any number of times mid-run.
    static let probeKey = "w"

    let tui: String
    let cli: String
    let example: String
    let runs: Int
    let presses: Int
    let directory = FileManager.default.currentDirectoryPath

    /// One run inside the debugger.
    struct TUIRun {
        /// From the `r` key's pass to the pass that ended the run (trace).
        let seconds: Double
        /// VmHWM of the `isol8-tui` process once the run finished.
        let peakRSSKiB: Int
        /// Probe keys: read by the loop → their frame flushed (trace).
        let readToFlush: [Double]
        /// Probe keys: `tmux send-keys` started → their frame flushed (tmux transit included).
        let sendToFlush: [Double]
    }

    /// Wall time of `isol8 run <example>` with stdout on /dev/null.
    func cliRun() throws -> Double {
        let start = LoopTrace.now()
        let (status, _) = try Spawn.run([cli, "run", example])
        guard status == 0 else { throw Spawn.Failed(argv: [cli, "run", example], reason: "exit \(status)") }
        return LoopTrace.now() - start
    }

    /// One debugger session: start it, run the example once while pressing the probe key every
    /// `probeInterval` seconds, read its peak RSS, quit.
    func tuiRun(probeInterval: Double) throws -> TUIRun {
        let tracePath = NSTemporaryDirectory() + "isol8-tui-bench-\(getpid())-\(UUID().uuidString.prefix(8)).trace"
        defer { try? FileManager.default.removeItem(atPath: tracePath) }
        let tmux = try Tmux("exec env \(LoopTrace.variable)=\(tracePath) \(tui) \(example)", size: Self.size,
                            directory: directory)
        defer { tmux.close() }
        // Keys typed before curses takes the terminal could be lost: wait for the code on screen.
        let codeStart = String(try String(contentsOfFile: example, encoding: .utf8).prefix(30))
        try poll("the code on screen", timeout: 30) { try tmux.screen().contains(codeStart) }
        let pid = try tmux.panePID()
        try tmux.press("2")
        try tmux.press("r")
        try poll("run-started in the trace", timeout: 30) { TraceFile(path: tracePath).runStarted != nil }
        var sends: [Double] = []
        while sends.count < presses {
            usleep(useconds_t(probeInterval * 1e6))
            // The trace reaches the file at run boundaries, so this sees the run's end at once.
            if TraceFile(path: tracePath).runFinished != nil { break }
            sends.append(LoopTrace.now())
            try tmux.press(Self.probeKey)
        }
        try poll("run-finished in the trace", timeout: 600) { TraceFile(path: tracePath).runFinished != nil }
        let rss = FloodBench.peakRSSKiB(of: pid)
        try tmux.press("q")
        try poll("the debugger to quit", timeout: 30) { kill(pid, 0) != 0 }
        let trace = TraceFile(path: tracePath)
        guard let started = trace.runStarted, let finished = trace.runFinished else {
            throw Spawn.Failed(argv: [tui], reason: "trace without a run: \(tracePath)")
        }
        let probes = trace.keys(answering: sends)
        return TUIRun(seconds: finished - started, peakRSSKiB: rss,
                      readToFlush: probes.map { $0.key.flushed - $0.key.read },
                      sendToFlush: probes.map { $0.key.flushed - $0.sent })
    }

    /// VmHWM from /proc (peak resident set), in KiB; 0 when the process is gone.
    static func peakRSSKiB(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
