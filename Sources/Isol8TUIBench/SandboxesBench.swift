import Foundation
import Isol8Core
import Isol8TUI
import TerminalKit

/// The TUI's own work when the Sandboxes list refreshes with 200 containers: the daemon's
/// change event, the new listing through the reducer, and the frame that shows it. The
/// listing itself is the target's time and is not part of it.
struct SandboxesBench {
    struct NotShown: Error, CustomStringConvertible {
        var description: String { "the Sandboxes list is not on screen after its refreshes" }
    }

    static let containers = 200
    let refreshes: Int

    func run() throws -> Samples {
        var state = try BenchState.make(size: FrameBench.size, outputLines: 1_000)
        BenchState.apply(&state, .key(.char("s")))
        let target = state.targets.current.name
        let start = Date()
        var micros: [Double] = []
        for n in 0..<(refreshes + 10) {
            let rows = Self.listing(refresh: n, now: start)
            let begin = LoopTrace.now()
            BenchState.apply(&state, .sandboxesChanged)
            BenchState.apply(&state, .sandboxesListed(target: target, rows))
            _ = AppView.render(state)
            if n >= 10 { micros.append((LoopTrace.now() - begin) * 1e6) }  // the first ten warm up
        }
        // A bench of a view that is not on screen would time nothing.
        guard AppView.render(state).canvas.text.contains("isol8-bench-0") else {
            throw NotShown()
        }
        return Samples(micros)
    }

    /// 200 containers of every origin whose usage moves from one refresh to the next.
    private static func listing(refresh: Int, now: Date) -> [SandboxSummary] {
        let origins = SandboxSummary.Origin.allCases
        return (0..<containers).map { i in
            let usage = ContainerUsage(memoryBytes: UInt64(20 + (i + refresh) % 50) << 20, memoryLimitBytes: 512 << 20,
                                       cpuPercent: Double((i * 7 + refresh) % 100))
            let created = now.addingTimeInterval(-Double(i * 37))
            return SandboxSummary(id: String(format: "%012x%052x", i, refresh), name: "isol8-bench-\(i)", image: "isol8:python",
                                  runtime: "python", state: i % 5 == 0 ? "exited" : "running", created: created,
                                  origin: origins[i % origins.count], usage: usage)
        }
    }
}
