import Foundation
import Isol8Core

/// The server under load: `clients` concurrent clients share `requests` `POST /execute`
/// (python `print(1)`) through a real `isol8 serve` on 127.0.0.1, then the same clients and
/// requests run on local `DockerEngine`s (one per run, as the server makes them) in the same
/// run. Bounded in count and in time: once `deadlineSeconds` have passed, clients stop sending
/// and the requests left are reported as not sent.
struct ServerLoadBenchmark {
    let isol8: String
    let clients: Int
    let requests: Int
    let deadlineSeconds: Double

    /// What one side of the comparison did.
    struct Outcome: Sendable {
        var latenciesMs: [Double] = []
        var errors = 0
        var notSent = 0
        var seconds = 0.0
        /// The first failure, so a run with errors says what went wrong.
        var firstError: String?

        var throughput: Double { Double(latenciesMs.count) / max(seconds, 1e-9) }
        var p95: Double {
            let sorted = latenciesMs.sorted()
            guard !sorted.isEmpty else { return .nan }
            return sorted[min(sorted.count - 1, Int((0.95 * Double(sorted.count)).rounded(.up)) - 1)]
        }
    }

    func run() async throws {
        // The server's semaphore must let every client in, or it measures queueing; only this
        // benchmark's own server gets the higher limit.
        let config = #"{"maxConcurrent": \#(clients), "audit": {"trackResources": false}}"#
        let server = try await BenchServer(isol8: isol8, config: config)
        defer { server.stop() }
        let remote = server.remote
        let request = ExecutionRequest(runtime: .python, code: "print(1)")
        let viaServer = await load { _ = try await remote.execute(request).checked() }
        let local = await load { [clients] in
            let engine = try DockerEngine(options: Isol8Options(), maxConcurrent: clients)
            try await engine.start()
            do {
                _ = try await engine.execute(request).checked()
            } catch {
                await engine.stop()
                throw error
            }
            await engine.stop()
        }
        print("\(clients) concurrent clients, \(requests) POST /execute (python print(1)) via isol8 serve vs local DockerEngine")
        print("side        done  errors  not sent     req/s    p95 ms")
        for (name, outcome) in [("server", viaServer), ("local ", local)] {
            print(name + String(format: " %9d %7d %9d %9.2f %9.1f", outcome.latenciesMs.count, outcome.errors,
                                outcome.notSent, outcome.throughput, outcome.p95))
        }
        for (name, outcome) in [("server", viaServer), ("local", local)] {
            if let error = outcome.firstError { print("first \(name) error: \(error)") }
        }
        let ratio = viaServer.throughput / max(local.throughput, 1e-9)
        print(String(format: "throughput server/local %.2f (target ≥ 0.95, 0 errors)", ratio))
        let met = ratio >= 0.95 && viaServer.errors + viaServer.notSent == 0
        // One row of the table `scripts/bench` ends with, tab-separated after a RESULT tag.
        print(["RESULT", "isol8 serve, \(clients) clients × \(requests) POST /execute (req/s)",
               String(format: "%.2f", viaServer.throughput), String(format: "%.2f (local)", local.throughput),
               String(format: "%.2f", ratio), "≥ 0.95, 0 errors (p95 \(String(format: "%.0f", viaServer.p95)) ms)",
               met ? "yes" : "NO"].joined(separator: "\t"))
    }

    /// Runs `requests` calls of `execute` spread over `clients` concurrent tasks.
    private func load(_ execute: @escaping @Sendable () async throws -> Void) async -> Outcome {
        let started = Clock.now()
        let deadline = started + UInt64(deadlineSeconds * 1e9)
        var total = Outcome()
        await withTaskGroup(of: Outcome.self) { group in
            for client in 0..<clients {
                let share = requests / clients + (client < requests % clients ? 1 : 0)
                group.addTask {
                    var mine = Outcome()
                    for sent in 0..<share {
                        guard Clock.now() < deadline else {
                            mine.notSent = share - sent
                            break
                        }
                        let t = Clock.now()
                        do {
                            try await execute()
                            mine.latenciesMs.append(Clock.ms(t, Clock.now()))
                        } catch {
                            mine.errors += 1
                            mine.firstError = mine.firstError ?? "\(error)"
                        }
                    }
                    return mine
                }
            }
            for await outcome in group {
                total.latenciesMs += outcome.latenciesMs
                total.errors += outcome.errors
                total.notSent += outcome.notSent
                total.firstError = total.firstError ?? outcome.firstError
            }
        }
        total.seconds = Double(Clock.now() - started) / 1e9
        return total
    }
}

private extension ExecutionResult {
    /// Itself, when the run printed what `print(1)` prints; otherwise an error that counts.
    func checked() throws -> ExecutionResult {
        guard stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1" else {
            throw BenchFailure(description: "print(1) printed \(stdout.debugDescription)")
        }
        return self
    }
}
