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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-bench-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if !trackResources {
            try #"{"audit": {"trackResources": false}}"#.write(to: directory.appendingPathComponent("isol8.config.json"),
                                                              atomically: true, encoding: .utf8)
        }
        let key = "bench-\(UUID().uuidString.prefix(8))"
        guard let port = PortResolver.freePort(host: "127.0.0.1") else { throw BenchFailure(description: "no free port on 127.0.0.1") }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: isol8)
        server.arguments = ["serve", "--port", String(port), "--key", key, "--bind", "127.0.0.1"]
        server.currentDirectoryURL = directory
        // Quiet, so the figures stay readable; a server that fails shows as its exit status.
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        server.standardInput = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let remote = try RemoteEngine(host: "http://127.0.0.1:\(port)", apiKey: key)
        try await waitForHealth(remote, server: server)

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

    private func waitForHealth(_ remote: RemoteEngine, server: Process) async throws {
        for _ in 0..<600 {
            if (try? await remote.start()) != nil { return }
            guard server.isRunning else { throw BenchFailure(description: "isol8 serve exited with status \(server.terminationStatus); run it by hand to see why") }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw BenchFailure(description: "isol8 serve did not answer /health within a minute")
    }
}
