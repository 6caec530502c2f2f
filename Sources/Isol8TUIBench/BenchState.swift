import Foundation
import Isol8Core
import Isol8TUI
import TerminalKit

/// A debugger state as it looks mid-flood: a highlighted code file, a full output buffer,
/// network rows and debug lines, a run in progress.
enum BenchState {
    static let runID = 1

    /// The state with `outputLines` lines of output (the buffer keeps its newest 100 000).
    static func make(size: Size, outputLines: Int) throws -> AppState {
        var flags = RunFlags()
        flags.file = "bench.py"
        let empty = NSTemporaryDirectory() + "isol8-tui-bench-config-\(getpid())"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let effective = try EffectiveConfig.resolve(ConfigLoader(directory: empty, home: empty).load(), flags: flags,
                                                    environment: [:])
        let knobs = KnobState(effective: effective, flags: flags, stream: true)
        var state = AppState(knobs: knobs, code: CodeState(flags: flags, runtime: knobs.runtime), size: size)
        apply(&state, .targetProbed(TargetHealth(target: state.targets.current, version: "Docker 20.10.24 (API 1.41)")))
        apply(&state, .codeLoaded(path: "bench.py", text: code))
        apply(&state, .key(.char("r")))
        apply(&state, .debugLines((0..<200).map { "[DEBUG] [Pool] step \($0): container pool acquire/release" }))
        apply(&state, .runEvents(id: runID, (0..<40).map(networkEvent)))
        var written = 0
        while written < outputLines {
            let batch = min(1_000, outputLines - written)
            apply(&state, .runEvents(id: runID, (written..<written + batch).map(outputLine)))
            written += batch
        }
        return state
    }

    /// One more output line, as the engine streams it.
    static func outputLine(_ n: Int) -> StreamEvent {
        n % 50 == 49
            ? StreamEvent(.stderr, "warning \(n): the flood goes on\n")
            : StreamEvent(.stdout, "line \(String(format: "%7d", n)) of a flood that the output pane must survive\n")
    }

    /// Runs the reducer and drops the effects: nothing may leave this process.
    static func apply(_ state: inout AppState, _ action: Action) {
        _ = update(&state, action)
    }

    private static func networkEvent(_ n: Int) -> StreamEvent {
        let blocked = n % 7 == 3
        let host = blocked ? "tracker\(n).example" : "pypi.org"
        return StreamEvent(.network, """
            {"timestamp":"2024-05-01T10:00:\(String(format: "%02d", n)).000Z","method":"\(blocked ? "CONNECT" : "GET")",\
            "host":"\(host)","path":"/simple/pkg\(n)/","action":"\(blocked ? "BLOCK" : "ALLOW")","durationMs":\(n * 3)}
            """)
    }

    /// A Python file long enough to fill the Code pane with every kind of token.
    private static let code = (0..<60).map { n in
        """
        def step_\(n)(data, scale=\(n)):
            \"\"\"Weigh the data for step \(n).\"\"\"
            total = sum(x * scale for x in data)  # the weight of step \(n)
            return f"step {total:>8} done"

        """
    }.joined()
}
