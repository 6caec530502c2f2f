import Foundation
import Isol8Core

// Time-to-first-output and total time of `print(1)` in python, through DockerEngine and
// as the bare Engine API calls the engine cannot avoid (the physical limit), cold (a
// fresh container) and warm (a running container). Prints medians and ratios.

let iterations = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 10
let client = try DockerClient.fromEnvironment()
_ = try await client.apiVersion()

struct Sample {
    var firstOutputMs: Double
    var totalMs: Double
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func ms(_ from: UInt64, _ to: UInt64) -> Double { Double(to - from) / 1_000_000 }

/// The first output chunk's arrival time, from a callback thread.
final class FirstOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var at: UInt64?
    func mark() { lock.withLock { if at == nil { at = now() } } }
    var time: UInt64 { lock.withLock { at ?? now() } }
}

func engineRun(_ engine: DockerEngine) async throws -> Sample {
    let start = now()
    var first: UInt64?
    for try await event in engine.executeStream(ExecutionRequest(runtime: .python, code: "print(1)")) {
        if event.type == .stdout, first == nil { first = now() }
    }
    let end = now()
    return Sample(firstOutputMs: ms(start, first ?? end), totalMs: ms(start, end))
}

func rawExec(_ id: String, start: UInt64) async throws -> Sample {
    let exec = try await client.createExec(id, ExecSpec(cmd: ["python3", "-c", "print(1)"], user: "sandbox"))
    let first = FirstOutput()
    try await client.startExec(exec) { _, _ in first.mark() }
    _ = try await client.inspectExec(exec)
    let end = now()
    return Sample(firstOutputMs: ms(start, first.time), totalMs: ms(start, end))
}

func rawCold() async throws -> Sample {
    let start = now()
    let spec = try ContainerBlueprint.spec(image: "isol8:python", runtime: .python, options: Isol8Options())
    let id = try await client.createContainer(spec)
    try await client.startContainer(id)
    let sample = try await rawExec(id, start: start)
    try await client.removeContainer(id)
    return sample
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func report(_ name: String, engine: [Sample], raw: [Sample]) {
    let e1 = median(engine.map(\.firstOutputMs)), r1 = median(raw.map(\.firstOutputMs))
    let e2 = median(engine.map(\.totalMs)), r2 = median(raw.map(\.totalMs))
    print(String(format: "%@  first output: engine %7.1f ms  raw %7.1f ms  ratio %.2f", name, e1, r1, e1 / r1))
    print(String(format: "%@  total:        engine %7.1f ms  raw %7.1f ms  ratio %.2f", name, e2, r2, e2 / r2))
}

// Cold: a new container per run, for both.
var coldEngine = [Sample](), coldRaw = [Sample]()
for _ in 0..<iterations {
    let engine = try DockerEngine()
    coldEngine.append(try await engineRun(engine))
    await engine.stop()
    coldRaw.append(try await rawCold())
}

// Warm: one running container each; the first run (which creates it) is not counted.
var persistent = Isol8Options()
persistent.mode = .persistent
let warm = try DockerEngine(options: persistent)
_ = try await engineRun(warm)
let warmSpec = try ContainerBlueprint.spec(image: "isol8:python", runtime: .python, options: Isol8Options())
let warmID = try await client.createContainer(warmSpec)
try await client.startContainer(warmID)
var warmEngine = [Sample](), warmRaw = [Sample]()
for _ in 0..<iterations {
    warmEngine.append(try await engineRun(warm))
    warmRaw.append(try await rawExec(warmID, start: now()))
}
await warm.stop()
try await client.removeContainer(warmID)

print("python print(1), \(iterations) runs each, medians (engine = DockerEngine.executeStream, raw = bare API calls)")
report("cold", engine: coldEngine, raw: coldRaw)
report("warm", engine: warmEngine, raw: warmRaw)
