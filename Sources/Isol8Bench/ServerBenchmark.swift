import Foundation
import Isol8Core
import Isol8Server

/// The server's overhead: median `POST /execute` round trip through a real `isol8 serve` on
/// 127.0.0.1 against the same execution through a local `DockerEngine` (a fresh ephemeral
/// engine per run, as the server does), measured alternately in one run.
struct ServerBenchmark {
    let isol8: String
    let iterations: Int
    /// The server's default `audit.trackResources` samples cgroup counters per run: engine
    /// work, not server overhead, so it is off unless asked for.
    let trackResources: Bool

    func run() async throws {
        let config = trackResources ? "{}" : #"{"audit": {"trackResources": false}}"#
        let server = try await BenchServer(isol8: isol8, config: config)
        defer { server.stop() }
        let remote = server.remote

        let request = ExecutionRequest(runtime: .python, code: "print(1)")
        var local: [Double] = [], viaServer: [Double] = []
        for index in 0..<(iterations + 1) {
            let started = Clock.now()
            let engine = try DockerEngine(options: Isol8Options())
            try await engine.start()
            let direct = try await engine.execute(request)
            await engine.stop()
            let localMs = Clock.ms(started, Clock.now())
            let remoteStarted = Clock.now()
            let served = try await remote.execute(request)
            let remoteMs = Clock.ms(remoteStarted, Clock.now())
            guard direct.stdout == served.stdout else {
                throw BenchFailure(description: "the server answered \(served.stdout) where the engine printed \(direct.stdout)")
            }
            // The first pair warms caches on both sides.
            if index > 0 {
                local.append(localMs)
                viaServer.append(remoteMs)
            }
        }
        let (l, s) = (Clock.median(local), Clock.median(viaServer))
        print("POST /execute vs local DockerEngine, python print(1), \(iterations) runs each, trackResources=\(trackResources)")
        print(String(format: "median local %.1f ms  server %.1f ms  overhead %+.1f ms", l, s, s - l))
    }
}
