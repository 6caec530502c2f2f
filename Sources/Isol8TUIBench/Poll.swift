import BenchSupport
import Isol8TUI
#if canImport(Glibc)
import Glibc
#endif

/// Polls `condition` every 20 ms until it holds; past `timeout` seconds the benchmark fails,
/// naming what it waited for.
func poll(_ what: String, timeout: Double, until condition: () throws -> Bool) throws {
    let deadline = LoopTrace.now() + timeout
    while try !condition() {
        guard LoopTrace.now() < deadline else { throw Spawn.Failed(argv: ["isol8-tui-bench"], reason: "timed out waiting for \(what)") }
        usleep(20_000)
    }
}
