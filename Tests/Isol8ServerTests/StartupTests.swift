import Foundation
import XCTest
import Isol8Core

/// `isol8 serve` startup and shutdown (compat §6.1, §8.5).
final class StartupTests: XCTestCase {
    func testBannerAndDebugLinesNeverShowTheKey() throws {
        let server = try ServerProcess(config: #"{"maxConcurrent": 4}"#)
        try server.start()
        defer { server.stop() }
        let version = try CLIRun.version()
        XCTAssertTrue(server.output.contains("[INFO] isol8 server v\(version) listening on http://localhost:\(server.port)\n       Auth: Bearer token required\n"), server.output)
        XCTAssertTrue(server.output.contains("[DEBUG] [Serve] API key: \(String(repeating: "*", count: ServerProcess.apiKey.count))\n"))
        XCTAssertTrue(server.output.contains("[DEBUG] [Serve] Requested port: \(server.port)"))
        XCTAssertTrue(server.output.contains("[DEBUG] [Serve] Using port: \(server.port)"))
        XCTAssertTrue(server.output.contains("[DEBUG] [Server] Max concurrent: 4"))
        XCTAssertFalse((server.output + server.errors).contains(ServerProcess.apiKey))
    }

    func testBusyPortFallsBackToAFreeOneWhenNotInteractive() throws {
        let (holder, busy) = try LoopbackListener.open()
        defer { close(holder) }

        let server = try ServerProcess(arguments: ["serve", "--port", String(busy), "--key", ServerProcess.apiKey, "--bind", "127.0.0.1"])
        try server.start()
        defer { server.stop() }
        XCTAssertNotEqual(server.port, busy)
        XCTAssertTrue(server.errors.contains("[WARN] Port \(busy) is in use. Falling back to available port \(server.port)."), server.errors)
    }

    func testInvalidPortsAreRejectedNamingTheirSource() throws {
        let flag = try CLIRun.run(["serve", "--port", "0", "--key", "k"])
        XCTAssertEqual(flag.status, 1)
        XCTAssertEqual(flag.stderr, "[ERR] Invalid port from --port: 0. Expected 1-65535.\n")
        let env = try CLIRun.run(["serve", "--key", "k"], environment: ["ISOL8_PORT": "http", "PORT": "80"])
        XCTAssertEqual(env.stderr, "[ERR] Invalid port from ISOL8_PORT: http. Expected 1-65535.\n")
        let port = try CLIRun.run(["serve", "--key", "k"], environment: ["PORT": "70000"])
        XCTAssertEqual(port.stderr, "[ERR] Invalid port from PORT: 70000. Expected 1-65535.\n")
    }

    func testKeyIsRequired() throws {
        let outcome = try CLIRun.run(["serve", "--port", "3999"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "[ERR] API key required. Use --key or ISOL8_API_KEY env var.\n")
    }

    func testKeyFromEnvironmentAndPortFromISOL8_PORT() async throws {
        let port = ServerProcess.freePort()
        let server = try ServerProcess(environment: ["ISOL8_API_KEY": ServerProcess.apiKey, "ISOL8_PORT": String(port)],
                                       arguments: ["serve", "--bind", "127.0.0.1"])
        try server.start()
        defer { server.stop() }
        XCTAssertEqual(server.port, port)
        let status = try await HTTPClient(baseURL: server.baseURL).call("GET", "/sessions").status
        XCTAssertEqual(status, 200)
    }

    func testSIGTERMStopsEverySessionEngine() async throws {
        let server = try ServerProcess()
        try server.start()
        let reply = try await HTTPClient(baseURL: server.baseURL).execute(["runtime": "bash", "cmd": "true"], sessionId: "to-stop")
        let containerId = try XCTUnwrap(reply.json["containerId"] as? String)
        let client = try DockerClient.fromEnvironment()
        _ = try await client.inspectContainer(containerId)
        XCTAssertEqual(server.stop(), 0)
        XCTAssertTrue(server.output.contains("[Serve] Shutting down server and cleaning up resources...\n"))
        XCTAssertTrue(server.output.contains("[Serve] Cleanup complete\n"))
        do {
            _ = try await client.inspectContainer(containerId)
            XCTFail("the session's container must be gone after shutdown")
        } catch {}
    }
}

/// `prebuiltImages` are built when the server starts (compat §6.1 step 3). Only a setup
/// script: installing packages would need the network.
final class PrebuiltImageStartupTests: XCTestCase {
    let tag = "isol8-test-prebuilt-\(UUID().uuidString.prefix(8).lowercased()):latest"

    override func tearDown() async throws {
        try? await DockerClient.fromEnvironment().removeImage(tag)
    }

    func testMissingPrebuiltImageIsBuiltOnceThenSkipped() async throws {
        let config = #"{"prebuiltImages": [{"tag": "\#(tag)", "runtime": "bash", "installPackages": [], "setupScript": "echo prebuilt > /etc/isol8-prebuilt"}], "cleanup": {"autoPrune": false}}"#
        let first = try ServerProcess(config: config)
        try first.start(timeout: 300)
        first.stop()
        XCTAssertTrue(first.output.contains("[Server] Building prebuilt image \(tag) (bash: )\n"), first.output)
        XCTAssertTrue(first.output.contains("[Server] Prebuilt image \(tag) ready\n"), first.output + first.errors)
        let built = try await DockerClient.fromEnvironment().inspectImage(tag)
        XCTAssertNotNil(built)

        let second = try ServerProcess(config: config)
        try second.start()
        second.stop()
        XCTAssertTrue(second.output.contains("[Server] Prebuilt image \(tag) already exists, skipping build\n"), second.output)
        XCTAssertFalse(second.output.contains("Building prebuilt image"))
    }
}
