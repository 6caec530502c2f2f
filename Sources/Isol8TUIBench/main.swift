import Foundation
import Isol8Core
import Isol8TUI
#if canImport(Glibc)
import Glibc
#endif

// isol8-tui-bench frames [frames]
// isol8-tui-bench flood ISOL8_TUI ISOL8 EXAMPLE [runs] [presses]
// isol8-tui-bench rerun ISOL8_TUI [runs]
// isol8-tui-bench sandboxes [refreshes]
// isol8-tui-bench reducer [lines]
// Timings are printed, never asserted: they live in benchmarks, not in tests.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("isol8-tui-bench: \(message)\n".utf8))
    exit(1)
}

/// Prints a table row: the label left-aligned, the values right-aligned in columns.
func row(_ label: String, _ values: String...) {
    let columns = values.map { String(repeating: " ", count: max(0, 13 - $0.count)) + $0 }
    print(label.padding(toLength: 34, withPad: " ", startingAt: 0) + columns.joined())
}

func format(_ value: Double, _ digits: Int = 0) -> String {
    value.isNaN ? "–" : String(format: "%.\(digits)f", value)
}

/// "min–max" of samples in seconds, for the target column of a median row.
func spread(_ samples: Samples) -> String {
    "\(format(samples.values.first ?? .nan, 2))–\(format(samples.max, 2))"
}

func runFrames(_ frames: Int) {
    let results: [FrameBench.Result]
    do {
        results = try FrameBench(frames: frames).run()
    } catch {
        fail("\(error)")
    }
    print("TUI frame cost, \(FrameBench.size.width)×\(FrameBench.size.height), render + diff + ncurses into a pty (TERM=xterm-256color), \(frames) frames")
    row("frame", "median µs", "p95 µs", "max µs", "render µs", "draw µs", "CPU µs", "bytes/frame")
    for result in results {
        row(result.name, format(result.micros.median), format(result.micros.percentile(95)),
            format(result.micros.max), format(result.renderMicros.median), format(result.drawMicros.median),
            format(result.cpuMicros.median), "\(result.bytesPerFrame)")
    }
    for (result, target) in zip(results, [2.0, 0.3, 0.5]) {
        let ms = result.micros.median / 1000
        summaryRow("frame \(result.name), \(FrameBench.size.width)×\(FrameBench.size.height) (ms)", this: format(ms, 2),
                   target: "≤ \(target)", met: ms <= target)
    }
}

/// One row of the table `scripts/bench` ends with (metric, this project, reference, ratio,
/// target, met), tab-separated after a `RESULT` tag so the script can collect it.
func summaryRow(_ metric: String, this: String, reference: String = "–", ratio: String = "–", target: String, met: Bool) {
    print(["RESULT", metric, this, reference, ratio, target, met ? "yes" : "NO"].joined(separator: "\t"))
}

/// Issue 13's flood targets, printed in the table and in the summary rows.
enum FloodTarget {
    static let ratio = 1.15
    static let keyP95Ms = 33.0
    static let peakMiB = 64.0
}

func runFlood(_ bench: FloodBench) {
    do {
        // Alternating the two keeps the load of a shared machine from favouring either side.
        var cli: [Double] = []
        var runs: [FloodBench.TUIRun] = []
        for _ in 0..<bench.runs {
            cli.append(try bench.cliRun())
            // Spread the probes over the first ~70% of a run so they land while output streams.
            let interval = max(0.02, Samples(cli).median * 0.7 / Double(max(1, bench.presses)))
            runs.append(try bench.tuiRun(probeInterval: interval))
        }
        let cliMedian = Samples(cli).median
        let tui = Samples(runs.map(\.seconds))
        let rss = runs.map(\.peakRSSKiB).max() ?? 0
        let readToFlush = Samples(runs.flatMap(\.readToFlush).map { $0 * 1e3 })
        let sendToFlush = Samples(runs.flatMap(\.sendToFlush).map { $0 * 1e3 })
        print("TUI flood: \(bench.example) in isol8-tui (\(FloodBench.size.width)×\(FloodBench.size.height) tmux) vs isol8 run >/dev/null, median of \(bench.runs)")
        row("measure", "median", "target/range")
        row("isol8 run >/dev/null (s)", format(cliMedian, 2), spread(Samples(cli)))
        row("isol8-tui, r → run finished (s)", format(tui.median, 2), spread(tui))
        let ratio = tui.median / cliMedian, mib = Double(rss) / 1024
        row("ratio", format(ratio, 2), "≤ \(format(FloodTarget.ratio, 2))")
        row("isol8-tui peak RSS (MiB, VmHWM)", format(mib, 1), "≤ \(format(FloodTarget.peakMiB))")
        row("key → frame flushed (ms), median", format(readToFlush.median, 1))
        row("key → frame flushed (ms), p95", format(readToFlush.percentile(95), 1))
        row("key → frame flushed (ms), max", format(readToFlush.max, 1))
        row("send-keys → flushed (ms), median", format(sendToFlush.median, 1))
        row("send-keys → flushed (ms), p95", format(sendToFlush.percentile(95), 1))
        row("probe keys answered", "\(readToFlush.count)")
        summaryRow("1M-line flood, isol8-tui r → finished (s)", this: format(tui.median, 2), reference: "\(format(cliMedian, 2)) (isol8 run)",
                   ratio: format(ratio, 2), target: "≤ \(format(FloodTarget.ratio, 2))", met: ratio <= FloodTarget.ratio)
        let p95 = readToFlush.percentile(95)
        summaryRow("key → frame flushed while flooding, p95 (ms)", this: format(p95, 1), target: "≤ \(format(FloodTarget.keyP95Ms))",
                   met: p95 <= FloodTarget.keyP95Ms)
        summaryRow("isol8-tui peak RSS after the flood (MiB)", this: format(mib, 1), target: "≤ \(format(FloodTarget.peakMiB))",
                   met: mib <= FloodTarget.peakMiB)
    } catch {
        fail("\(error)")
    }
}

func runRerun(tui: String, runs: Int) async {
    do {
        let client = try DockerClient.fromEnvironment()
        print("TUI re-run: r → exit drawn for python \(RerunBench.code) in isol8-tui (\(FloodBench.size.width)×\(FloodBench.size.height) tmux), vs the bare warm exec, alternated, \(runs) runs each (loop: run-started → run-finished)")
        row("mode", "r→drawn ms", "loop ms", "bare ms", "ratio")
        for persistent in [false, true] {
            let result = try await RerunBench(tui: tui, runs: runs, persistent: persistent, client: client).run()
            let drawn = Samples(result.keyToDrawn.map { $0 * 1e3 }), loop = Samples(result.startedToFinished.map { $0 * 1e3 })
            let bare = Samples(result.bare.map { $0 * 1e3 })
            let ratio = drawn.median / bare.median
            let mode = persistent ? "persistent" : "ephemeral (pool)"
            row(mode, format(drawn.median, 1), format(loop.median, 1), format(bare.median, 1), format(ratio, 2))
            summaryRow("TUI re-run, r → exit drawn, \(mode) (ms)", this: format(drawn.median, 1),
                       reference: "\(format(bare.median, 1)) (bare warm exec)", ratio: format(ratio, 2),
                       target: "≤ \(format(RerunBench.targetRatio, 1))", met: ratio <= RerunBench.targetRatio)
        }
    } catch {
        fail("\(error)")
    }
}

func runSandboxes(_ refreshes: Int) {
    do {
        let micros = try SandboxesBench(refreshes: refreshes).run()
        print("Sandboxes list, \(SandboxesBench.containers) containers: TUI work per refresh (event, listing through the reducer, frame), \(refreshes) refreshes")
        row("measure", "median µs", "p95 µs", "max µs")
        row("refresh", format(micros.median), format(micros.percentile(95)), format(micros.max))
        let ms = micros.median / 1000
        summaryRow("Sandboxes list, \(SandboxesBench.containers) containers: TUI work per refresh (ms)", this: format(ms, 2),
                   target: "≤ 5", met: ms <= 5)
    } catch {
        fail("\(error)")
    }
}

/// The flood's cost inside the TUI without Docker or a terminal: streamed output in chunks of
/// 100 lines, as a block-buffered program writes them, each sent into the `Mailbox` as the engine
/// hands it over, drained once a frame's worth (50 chunks, 5 000 lines) has arrived, and applied
/// by the reducer (sanitiser and output ring).
func runReducer(_ lines: Int) {
    do {
        var state = try BenchState.make(size: FrameBench.size, outputLines: 0)
        let mailbox = Mailbox()
        var micros: [Double] = []
        var written = 0
        while written < lines {
            let chunks = stride(from: written, to: min(lines, written + 5_000), by: 100).map { first in
                StreamEvent(.stdout, (first..<min(lines, first + 100)).map { BenchState.outputLine($0).data }.joined())
            }
            let count = min(lines, written + 5_000) - written
            let begin = LoopTrace.now()
            for chunk in chunks { mailbox.send(.runEvents(id: BenchState.runID, [chunk])) }
            for action in mailbox.drain() { BenchState.apply(&state, action) }
            micros.append((LoopTrace.now() - begin) * 1e6 / Double(count))
            written += count
        }
        let perLine = Samples(micros)
        print("Reducer: \(lines) streamed output lines, 100 a chunk, through the mailbox 5000 a frame")
        row("measure", "median", "p95", "max")
        row("µs per line", format(perLine.median, 3), format(perLine.percentile(95), 3), format(perLine.max, 3))
    } catch {
        fail("\(error)")
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "frames":
    runFrames(arguments.count > 1 ? Int(arguments[1]) ?? 500 : 500)
case "flood" where arguments.count >= 4:
    let number = { (index: Int, fallback: Int) in arguments.count > index ? Int(arguments[index]) ?? fallback : fallback }
    runFlood(FloodBench(tui: arguments[1], cli: arguments[2], example: arguments[3],
                        runs: number(4, 3), presses: number(5, 20)))
case "rerun" where arguments.count >= 2:
    await runRerun(tui: arguments[1], runs: arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20)
case "reducer":
    runReducer(arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000)
case "sandboxes":
    runSandboxes(arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200)
default:
    fail("usage: isol8-tui-bench frames [frames] | flood ISOL8_TUI ISOL8 EXAMPLE [runs] [presses] | rerun ISOL8_TUI [runs] | sandboxes [refreshes] | reducer [lines]")
}
