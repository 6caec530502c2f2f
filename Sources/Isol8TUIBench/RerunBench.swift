import BenchSupport
import Foundation
import Isol8Core
import Isol8TUI
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// The debugging loop's step as a user takes it: `r` on a python `print(1)` in the real
/// `isol8-tui` until the exit is on screen, against the bare Engine API calls of the same run
/// (exec create, start with its output, inspect) in a running container, alternated.
struct RerunBench {
    static let code = "print(1)"
    /// A person changes a knob between runs; meanwhile an ephemeral engine refills its pool.
    static let pause: useconds_t = 1_000_000
    /// Issue 13's target: `r` → exit drawn at most this many times the bare warm exec.
    static let targetRatio = 1.3

    let tui: String
    let runs: Int
    let persistent: Bool
    let client: DockerClient

    struct Result {
        /// `r` read by the loop → the frame showing the exit flushed (trace).
        let keyToDrawn: [Double]
        /// `run-started` → `run-finished`: the loop's view of the run.
        let startedToFinished: [Double]
        /// The bare exec of the same code, alternated with the runs above.
        let bare: [Double]
    }

    func run() async throws -> Result {
        let spec = try ContainerBlueprint.spec(image: "isol8:python", runtime: .python, options: Isol8Options())
        let warm = try await client.createContainer(spec)
        do {
            try await client.startContainer(warm)
            let result = try await measure(against: warm)
            try await client.removeContainer(warm)
            return result
        } catch {
            try? await client.removeContainer(warm)
            throw error
        }
    }

    private func measure(against warm: String) async throws -> Result {
        let tracePath = NSTemporaryDirectory() + "isol8-tui-bench-\(getpid())-\(UUID().uuidString.prefix(8)).trace"
        defer { try? FileManager.default.removeItem(atPath: tracePath) }
        let mode = persistent ? " --persistent" : ""
        let tmux = try Tmux("exec env \(LoopTrace.variable)=\(tracePath) \(tui) -e '\(Self.code)' --runtime python\(mode)",
                            size: FloodBench.size, directory: FileManager.default.currentDirectoryPath)
        defer { tmux.close() }
        try poll("the code on screen", timeout: 30) { try tmux.screen().contains(Self.code) }
        let pid = try tmux.panePID()
        var bare: [Double] = []
        // Run 0 starts the engine (a pool or the persistent container): not counted.
        for index in 0...runs {
            usleep(Self.pause)
            // Before the run, not after it: the pool's cleaning of the last run's container
            // would slow the reference.
            if index > 0 { bare.append(try await bareExec(in: warm)) }
            try tmux.press("r")
            try poll("run \(index + 1) drawn in the trace", timeout: 60) { TraceFile(path: tracePath).drawn.count > index }
        }
        try tmux.press("q")
        try poll("the debugger to quit", timeout: 30) { kill(pid, 0) != 0 }
        let trace = TraceFile(path: tracePath)
        guard trace.keys.count > runs, trace.started.count > runs, trace.finished.count > runs, trace.drawn.count > runs else {
            throw Spawn.Failed(argv: [tui], reason: "the trace holds fewer runs than were pressed: \(tracePath)")
        }
        let counted = 1...runs
        return Result(keyToDrawn: counted.map { trace.drawn[$0] - trace.keys[$0].read },
                      startedToFinished: counted.map { trace.finished[$0] - trace.started[$0] },
                      bare: bare)
    }

    private func bareExec(in container: String) async throws -> Double {
        let start = LoopTrace.now()
        let exec = try await client.createExec(container, ExecSpec(cmd: ["python3", "-c", Self.code], user: "sandbox"))
        try await client.startExec(exec) { _, _ in }
        _ = try await client.inspectExec(exec)
        return LoopTrace.now() - start
    }
}
