import Foundation
import Isol8Core
import Isol8TestSupport
import XCTest

/// A real `isol8 serve` under load and faults: many clients at once, a head that never ends,
/// a crash mid-run. Counts are small enough for CI; every wait is for the whole state asserted.
final class SoakTests: XCTestCase {
    private static let config = #"{"cleanup": {"autoPrune": false}, "server": {"idleTimeoutMs": 1500}}"#
    /// Slack over 20 % for the allocator's own bookkeeping after a burst of threads.
    private static let residentSlackMiB = 16.0

    private func server(_ config: String = SoakTests.config) throws -> ServerProcess {
        let server = try ServerProcess(config: config)
        addTeardownBlock { server.stop() }
        try server.start()
        return server
    }

    func testFiftyConcurrentClientsGetTheirOutputWithoutLeaksOrLastingMemory() async throws {
        let server = try server()
        let client = HTTPClient(baseURL: server.baseURL)
        // The first run loads what every run uses; the start is measured after it.
        let warmUp = try await client.execute(["runtime": "python", "code": "print('warm')"])
        XCTAssertEqual(warmUp.status, 200, warmUp.text)
        try await Poll.until("the warm-up run's containers removed", look: { try await server.containers().count }, holds: { $0 == 0 })
        let startMiB = try server.residentMiB()

        let clients = 50
        let replies = try await withThrowingTaskGroup(of: (Int, HTTPClient.Reply).self) { group in
            for index in 0..<clients {
                group.addTask { (index, try await client.execute(["runtime": "python", "code": "print('client \(index)')"])) }
            }
            var replies: [Int: HTTPClient.Reply] = [:]
            for try await (index, reply) in group { replies[index] = reply }
            return replies
        }
        for index in 0..<clients {
            let reply = try XCTUnwrap(replies[index])
            XCTAssertEqual(reply.status, 200, "client \(index): \(reply.text)")
            XCTAssertEqual(reply.json["stdout"] as? String, "client \(index)", "client \(index): \(reply.text)")
            XCTAssertEqual(reply.json["exitCode"] as? Int, 0, "client \(index): \(reply.text)")
        }
        let bound = startMiB * 1.2 + Self.residentSlackMiB
        let settled = try await Poll.until("no container of the server left and its RSS within \(Int(bound)) MiB (start \(Int(startMiB)) MiB)",
                                           look: { (try await server.containers().map(\.Id), try server.residentMiB()) },
                                           holds: { containers, resident in containers.isEmpty && resident <= bound },
                                           describe: { "containers \($0.0), RSS \($0.1) MiB" })
        XCTAssertLessThanOrEqual(settled.1, bound)
        XCTAssertTrue(server.isRunning, server.errors)
    }

    func testAHeadThatNeverEndsIsCutOffAndTheServerStillServes() throws {
        let server = try server()
        let stalled = try RawHTTPConnection(port: server.port)
        try stalled.send("POST /execute HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(ServerProcess.apiKey)\r\nContent-Ty")
        XCTAssertTrue(stalled.waitForServerClose(deadline: Date().addingTimeInterval(30)), "the server kept the half-sent head open")
        let silent = try RawHTTPConnection(port: server.port)
        XCTAssertTrue(silent.waitForServerClose(deadline: Date().addingTimeInterval(30)), "the server kept a silent connection open")
        let health = try RawHTTPConnection(port: server.port)
        try health.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        XCTAssertTrue(health.waitFor("\"status\":\"ok\"", deadline: Date().addingTimeInterval(30)))
    }

    func testKillNineMidRunLeavesNoContainerAfterTheNextStart() async throws {
        let crashed = try ServerProcess(config: Self.config)
        addTeardownBlock { crashed.stop() }
        try crashed.start()
        let silent = #"{"request":{"runtime":"bash","cmd":"echo started; sleep 120","timeoutMs":180000}}"#
        let stream = try RawHTTPConnection(port: crashed.port)
        try stream.send(RawHTTPConnection.post("/execute/stream", body: silent, port: crashed.port))
        let buffered = try RawHTTPConnection(port: crashed.port)
        try buffered.send(RawHTTPConnection.post("/execute", body: silent, port: crashed.port))
        let session = #"{"sessionId":"soak-\#(UUID().uuidString.prefix(8))","request":{"runtime":"bash","cmd":"echo started; sleep 120","timeoutMs":180000}}"#
        let inSession = try RawHTTPConnection(port: crashed.port)
        try inSession.send(RawHTTPConnection.post("/execute/stream", body: session, port: crashed.port))
        XCTAssertTrue(stream.waitFor("started", deadline: Date().addingTimeInterval(60)))
        XCTAssertTrue(inSession.waitFor("started", deadline: Date().addingTimeInterval(60)))
        let pid = crashed.pid
        try await Poll.until("three runs of the server in running containers",
                             look: { try await ServerProcess.containers(ownedBy: pid).filter { $0.State == "running" }.count },
                             holds: { $0 >= 3 })

        kill(pid, SIGKILL)
        XCTAssertEqual(crashed.waitForExit(), 128 + SIGKILL)
        let orphans = try await ServerProcess.containers(ownedBy: pid)
        XCTAssertGreaterThanOrEqual(orphans.count, 3, "kill -9 leaves the runs' containers behind")

        _ = try server()
        try await Poll.until("no container of the killed server left once the next one has started",
                             look: { try await ServerProcess.containers(ownedBy: pid).map(\.Id) }, holds: { $0.isEmpty })
    }

    func testABufferedClientThatLeavesFreesItsContainerAndTheOnlySlot() async throws {
        let server = try server(#"{"maxConcurrent": 1, "cleanup": {"autoPrune": false}}"#)
        let silent = #"{"request":{"runtime":"bash","cmd":"echo started; sleep 100","timeoutMs":120000}}"#
        let leaver = try RawHTTPConnection(port: server.port)
        try leaver.send(RawHTTPConnection.post("/execute", body: silent, port: server.port))
        try await Poll.until("the buffered run in a running container",
                             look: { try await server.containers().filter { $0.State == "running" }.count }, holds: { $0 >= 1 })
        leaver.disconnect()
        // Well before the run's own 100 s: the server noticed the client had gone.
        try await Poll.until("the leaver's containers removed", timeout: 30, look: { try await server.containers().map(\.Id) }, holds: { $0.isEmpty })
        let next = try await CurlTransport(baseURL: server.baseURL).send(
            HTTPRequest(method: "POST", path: "/execute", headers: ["Content-Type: application/json", "Authorization: Bearer \(ServerProcess.apiKey)"],
                        body: Data(#"{"request":{"runtime":"bash","cmd":"echo next"}}"#.utf8)),
            timeoutSeconds: 30)
        XCTAssertEqual(next.status, 200)
        XCTAssertTrue(String(decoding: next.body, as: UTF8.self).contains(#""stdout":"next""#), String(decoding: next.body, as: UTF8.self))
    }

    func testHangUpEndsTheServerAndItsRunsAsSIGTERMDoes() async throws {
        let server = try server()
        let stream = try RawHTTPConnection(port: server.port)
        try stream.send(RawHTTPConnection.post("/execute/stream", body: #"{"request":{"runtime":"bash","cmd":"echo started; sleep 100","timeoutMs":120000}}"#,
                                               port: server.port))
        XCTAssertTrue(stream.waitFor("started", deadline: Date().addingTimeInterval(60)))
        let pid = server.pid
        kill(pid, SIGHUP)
        XCTAssertEqual(server.waitForExit(), 0, server.errors)
        try await Poll.until("no container of the server left after SIGHUP", look: { try await ServerProcess.containers(ownedBy: pid).map(\.Id) },
                             holds: { $0.isEmpty })
    }

    func testAWebSocketClientThatStopsReadingEndsTheFloodWithBoundedMemory() async throws {
        let server = try server()
        let flood = #"{"type":"execute","request":{"runtime":"bash","cmd":"line=$(head -c 4000 /dev/zero | tr '\\0' x); while :; do echo $line; done","timeoutMs":120000}}"#
        // Open, never read: neither the output nor the server's pings.
        let socket = try RawWebSocket(port: server.port, path: "/execute/ws", authorization: "Bearer \(ServerProcess.apiKey)")
        try socket.sendText(flood)
        try await Poll.until("the flood in a running container", look: { try await server.containers().filter { $0.State == "running" }.count },
                             holds: { $0 >= 1 })
        var peak = 0.0
        try await Poll.until("the flood's container removed while its client reads nothing", timeout: 90,
                             look: { () async throws -> [String] in
                                 peak = max(peak, try server.residentMiB())
                                 return try await server.containers().map(\.Id)
                             },
                             holds: { $0.isEmpty })
        XCTAssertLessThan(peak, StreamBackpressureTests.residentBoundMiB, "peak RSS while the WebSocket client did not read")
        withExtendedLifetime(socket) {}
    }
}
