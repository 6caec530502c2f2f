import Foundation
import Isol8Core

/// Time-to-first-output and total time of `print(1)` in python, through DockerEngine and
/// as the bare Engine API calls the engine cannot avoid (the physical limit), cold (a
/// fresh container) and warm (a running container). Prints medians and ratios.
struct EngineBenchmark {
    let client: DockerClient
    let iterations: Int

    struct Sample {
        var firstOutputMs: Double
        var totalMs: Double
    }

    /// The first output chunk's arrival time, from a callback thread.
    final class FirstOutput: @unchecked Sendable {
        private let lock = NSLock()
        private var at: UInt64?
        func mark() { lock.withLock { if at == nil { at = Clock.now() } } }
        var time: UInt64 { lock.withLock { at ?? Clock.now() } }
    }

    func run() async throws {
        _ = try await client.apiVersion()
        // Cold: a new container per run, for both.
        var coldEngine = [Sample](), coldRaw = [Sample]()
        for _ in 0..<iterations {
            let engine = try DockerEngine(client: client)
            coldEngine.append(try await engineRun(engine))
            await engine.stop()
            coldRaw.append(try await rawCold())
        }

        // Warm: one running container each; the first run (which creates it) is not counted.
        var persistent = Isol8Options()
        persistent.mode = .persistent
        let warm = try DockerEngine(options: persistent, client: client)
        _ = try await engineRun(warm)
        let warmSpec = try ContainerBlueprint.spec(image: "isol8:python", runtime: .python, options: Isol8Options())
        let warmID = try await client.createContainer(warmSpec)
        try await client.startContainer(warmID)
        var warmEngine = [Sample](), warmRaw = [Sample]()
        for _ in 0..<iterations {
            warmEngine.append(try await engineRun(warm))
            warmRaw.append(try await rawExec(warmID, start: Clock.now()))
        }
        await warm.stop()
        try await client.removeContainer(warmID)

        print("python print(1), \(iterations) runs each, medians (engine = DockerEngine.executeStream, raw = bare API calls)")
        report("cold", engine: coldEngine, raw: coldRaw, target: 1.05)
        report("warm", engine: warmEngine, raw: warmRaw, target: 1.10)
    }

    private func engineRun(_ engine: DockerEngine) async throws -> Sample {
        let start = Clock.now()
        var first: UInt64?
        for try await event in engine.executeStream(ExecutionRequest(runtime: .python, code: "print(1)")) {
            if event.type == .stdout, first == nil { first = Clock.now() }
        }
        let end = Clock.now()
        return Sample(firstOutputMs: Clock.ms(start, first ?? end), totalMs: Clock.ms(start, end))
    }

    private func rawExec(_ id: String, start: UInt64) async throws -> Sample {
        let exec = try await client.createExec(id, ExecSpec(cmd: ["python3", "-c", "print(1)"], user: "sandbox"))
        let first = FirstOutput()
        try await client.startExec(exec) { _, _ in first.mark() }
        _ = try await client.inspectExec(exec)
        let end = Clock.now()
        return Sample(firstOutputMs: Clock.ms(start, first.time), totalMs: Clock.ms(start, end))
    }

    private func rawCold() async throws -> Sample {
        let start = Clock.now()
        let spec = try ContainerBlueprint.spec(image: "isol8:python", runtime: .python, options: Isol8Options())
        let id = try await client.createContainer(spec)
        try await client.startContainer(id)
        let sample = try await rawExec(id, start: start)
        try await client.removeContainer(id)
        return sample
    }

    /// Prints the medians, and the total's row of the table `scripts/bench` ends with
    /// (tab-separated after a RESULT tag).
    private func report(_ name: String, engine: [Sample], raw: [Sample], target: Double) {
        let e1 = Clock.median(engine.map(\.firstOutputMs)), r1 = Clock.median(raw.map(\.firstOutputMs))
        let e2 = Clock.median(engine.map(\.totalMs)), r2 = Clock.median(raw.map(\.totalMs))
        print(String(format: "%@  first output: engine %7.1f ms  raw %7.1f ms  ratio %.2f", name, e1, r1, e1 / r1))
        print(String(format: "%@  total:        engine %7.1f ms  raw %7.1f ms  ratio %.2f", name, e2, r2, e2 / r2))
        print(["RESULT", "engine \(name) python print(1), total (ms)", String(format: "%.1f", e2), String(format: "%.1f (bare API)", r2),
               String(format: "%.2f", e2 / r2), "≤ \(target)", e2 / r2 <= target ? "yes" : "NO"].joined(separator: "\t"))
    }
}
