import Foundation
import XCTest
import Isol8Core
import Isol8TestSupport

/// SIGTERM ends a server's in-flight runs at once and removes its containers; the
/// containers of a server killed with -9 are removed by the next server started on this
/// host, while kept (`persist`) containers and those of live processes stay.
final class ServerShutdownTests: XCTestCase {
    let docker = try! DockerClient.fromEnvironment()

    func exists(_ id: String) async -> Bool { (try? await docker.inspectContainer(id)) != nil }

    func testSigtermEndsInFlightRunsAndRemovesTheServersContainers() async throws {
        let server = try ServerProcess(config: #"{"cleanup": {"autoPrune": false}}"#)
        try server.start()
        let client = HTTPClient(baseURL: server.baseURL)
        let session = try await client.execute(["runtime": "bash", "cmd": "echo ready"], sessionId: "shutdown-\(UUID().uuidString.prefix(8))")
        XCTAssertEqual(session.status, 200, session.text)
        let silent = #"{"request":{"runtime":"bash","cmd":"echo started; sleep 60","timeoutMs":120000}}"#
        let stream = try RawHTTPConnection(port: server.port)
        try stream.send(RawHTTPConnection.post("/execute/stream", body: silent, port: server.port))
        let buffered = try RawHTTPConnection(port: server.port)
        try buffered.send(RawHTTPConnection.post("/execute", body: silent, port: server.port))
        XCTAssertTrue(stream.waitFor("started", deadline: Date().addingTimeInterval(60)))
        try await Poll.until("both runs hold a container", timeout: 60,
                             look: { try await server.containers().filter { $0.State == "running" }.count }, holds: { $0 >= 3 })

        let pid = server.pid
        kill(pid, SIGTERM)
        // Well before the runs' own end (60 s of sleep): they were cancelled, not waited for.
        try await Poll.until("the server exits after SIGTERM", timeout: 30, look: { !server.isRunning }, holds: { $0 })
        XCTAssertEqual(server.exitStatus, 0, server.errors)
        XCTAssertTrue(server.output.contains("[Server] Shutting down: cancelled 2 in-flight run(s)"), server.output)
        XCTAssertTrue(buffered.waitForServerClose(deadline: Date().addingTimeInterval(10)))
        XCTAssertTrue(stream.waitForServerClose(deadline: Date().addingTimeInterval(10)))
        try await Poll.until("the server's containers are removed", timeout: 20, look: { try await ServerProcess.containers(ownedBy: pid).isEmpty }, holds: { $0 })
    }

    func testTheNextServerRemovesTheContainersOfAServerKilledWith9() async throws {
        let crashed = try ServerProcess(config: #"{"cleanup": {"autoPrune": false}}"#)
        try crashed.start()
        let client = HTTPClient(baseURL: crashed.baseURL)
        let session = try await client.execute(["runtime": "bash", "cmd": "echo ready"], sessionId: "crash-\(UUID().uuidString.prefix(8))")
        let sessionContainer = try XCTUnwrap(session.json["containerId"] as? String, session.text)
        let kept = try await client.execute(["runtime": "bash", "cmd": "echo kept"], options: ["persist": true])
        let keptContainer = try XCTUnwrap(kept.json["containerId"] as? String, kept.text)
        kill(crashed.pid, SIGKILL)
        _ = crashed.waitForExit()
        let sessionLeft = await exists(sessionContainer)
        XCTAssertTrue(sessionLeft, "kill -9 left the session's container behind")

        // A live process's container must survive the next server's sweep.
        var options = Isol8Options()
        options.mode = .persistent
        let live = try DockerEngine(options: options)
        let liveRun = try await live.execute(ExecutionRequest(runtime: .bash, cmd: "echo live"))
        let liveContainer = try XCTUnwrap(liveRun.containerId)

        let next = try ServerProcess(config: #"{"cleanup": {"autoPrune": false}}"#)
        try next.start()
        defer { next.stop() }
        try await Poll.until("the crashed server's session container is removed", timeout: 30, look: { !(await exists(sessionContainer)) }, holds: { $0 })
        XCTAssertTrue(next.output.contains("orphaned container(s) of isol8 processes that are gone"), next.output)
        let keptLeft = await exists(keptContainer), liveLeft = await exists(liveContainer)
        XCTAssertTrue(keptLeft, "a persist container is meant to outlive its server")
        XCTAssertTrue(liveLeft, "a container of a running process is not an orphan")
        await live.stop()
        try await docker.removeContainer(keptContainer, force: true)
    }
}
