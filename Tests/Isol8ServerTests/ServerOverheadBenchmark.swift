import Foundation
import XCTest
import Isol8Core

/// Median `/execute` round trip against the same execution through a local `DockerEngine`
/// (a fresh ephemeral engine per run, as the server does). A timing, so it only runs from
/// `scripts/bench-server` (ISOL8_BENCH_SERVER=N iterations) and asserts nothing about speed.
final class ServerOverheadBenchmark: XCTestCase {
    func testMedianRoundTripAgainstLocalEngine() async throws {
        guard let iterations = ProcessInfo.processInfo.environment["ISOL8_BENCH_SERVER"].flatMap(Int.init), iterations > 0 else {
            throw XCTSkip("set ISOL8_BENCH_SERVER=<iterations> (scripts/bench-server)")
        }
        // audit.trackResources false: the server otherwise samples `docker stats` twice per
        // run (spec §2.17, ~1.5 s), which is engine work, not server overhead.
        let config = ProcessInfo.processInfo.environment["ISOL8_BENCH_TRACK_RESOURCES"] == "1" ? nil : #"{"audit": {"trackResources": false}}"#
        let server = try ServerProcess(config: config, arguments: ["serve", "--port", String(ServerProcess.freePort()), "--key",
                                                                   ServerProcess.apiKey, "--bind", "127.0.0.1"])
        try server.start()
        defer { server.stop() }
        let remote = try RemoteEngine(host: server.baseURL, apiKey: ServerProcess.apiKey)
        let request = ExecutionRequest(runtime: .python, code: "print(1)")
        var local: [Double] = [], viaServer: [Double] = []
        for index in 0..<(iterations + 1) {
            let started = Date()
            let engine = try DockerEngine(options: Isol8Options())
            try await engine.start()
            let a = try await engine.execute(request)
            await engine.stop()
            let localTime = Date().timeIntervalSince(started) * 1000
            let remoteStarted = Date()
            let b = try await remote.execute(request)
            let remoteTime = Date().timeIntervalSince(remoteStarted) * 1000
            XCTAssertEqual(a.stdout, b.stdout)
            if index > 0 { local.append(localTime); viaServer.append(remoteTime) }  // first pair warms caches
        }
        let median = { (values: [Double]) -> Double in values.sorted()[values.count / 2] }
        let line = String(format: "bench-server: iterations=%d trackResources=%@ median local=%.1fms server=%.1fms overhead=%.1fms",
                          iterations, config == nil ? "true" : "false", median(local), median(viaServer), median(viaServer) - median(local))
        print(line)
        try line.write(toFile: NSTemporaryDirectory() + "isol8-bench-server.txt", atomically: true, encoding: .utf8)
    }
}
