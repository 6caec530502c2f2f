import Foundation
import XCTest
import Isol8Core
import Isol8TestSupport

/// A streaming client that stops reading or goes away must not cost the server memory, a
/// container or its one execution slot (maxConcurrent 1) for longer than it takes to notice.
final class StreamBackpressureTests: SharedServerTestCase {
    override class var serverConfig: String { #"{"maxConcurrent": 1, "cleanup": {"autoPrune": false}}"# }
    /// An idle server takes ~50 MiB; without backpressure a flood reached 900 MiB.
    static let residentBoundMiB = 300.0

    /// The next buffered run gets the only slot, long before the flood's 120 s timeout.
    func assertSlotIsFree() async throws {
        let body = try JSONSerialization.data(withJSONObject: ["request": ["runtime": "bash", "cmd": "echo next"]])
        let reply = try await CurlTransport(baseURL: server.baseURL).send(
            HTTPRequest(method: "POST", path: "/execute", headers: ["Content-Type: application/json", "Authorization: Bearer \(ServerProcess.apiKey)"], body: body),
            timeoutSeconds: 45)
        XCTAssertEqual(reply.status, 200)
        XCTAssertTrue(String(decoding: reply.body, as: UTF8.self).contains(#""stdout":"next""#))
    }

    func testAClientThatStopsReadingEndsTheFloodWithBoundedMemory() async throws {
        let flood = #"{"request":{"runtime":"bash","cmd":"line=$(head -c 4000 /dev/zero | tr '\\0' x); while :; do echo $line; done","timeoutMs":120000}}"#
        let reader = try RawHTTPConnection(port: server.port, receiveBuffer: 4096)
        try reader.send(RawHTTPConnection.post("/execute/stream", body: flood, port: server.port))
        var peak = 0.0
        try await Poll.until("the server stops the run of a client that does not read", timeout: 90, look: { () async throws -> Bool in
            peak = max(peak, try server.residentMiB())
            return server.output.contains("[Server] Stream error: The client stopped reading")
        }, holds: { $0 })
        XCTAssertLessThan(peak, Self.residentBoundMiB, "peak RSS while the client did not read")
        try await Poll.until("the flood's container is removed", timeout: 30, look: { try await server.containers().isEmpty }, holds: { $0 })
        reader.disconnect()
        try await assertSlotIsFree()
        XCTAssertLessThan(try server.residentMiB(), Self.residentBoundMiB, "RSS after the client left")
    }

    func testAClientThatLeavesASilentStreamFreesContainerAndSlot() async throws {
        let silent = #"{"request":{"runtime":"bash","cmd":"echo started; sleep 60","timeoutMs":120000}}"#
        let leaver = try RawHTTPConnection(port: server.port)
        try leaver.send(RawHTTPConnection.post("/execute/stream", body: silent, port: server.port))
        XCTAssertTrue(leaver.waitFor("started", deadline: Date().addingTimeInterval(60)), String(decoding: leaver.received, as: UTF8.self))
        let running = try await server.containers()
        XCTAssertFalse(running.isEmpty)
        leaver.disconnect()
        try await Poll.until("the silent run's container is removed after its client left", timeout: 20, look: { try await server.containers().isEmpty }, holds: { $0 })
        try await assertSlotIsFree()
    }

    func testAWebSocketClientThatLeavesASilentRunFreesContainerAndSlot() async throws {
        do {
            let socket = try RawWebSocket(port: server.port, path: "/execute/ws", authorization: "Bearer \(ServerProcess.apiKey)")
            try socket.sendText(#"{"type":"execute","request":{"runtime":"bash","cmd":"echo started; sleep 60","timeoutMs":120000}}"#)
            let first = try socket.readUntilClose(stopAfter: 1)
            XCTAssertEqual(first.messages, [#"{"type":"stdout","data":"started\n","phase":"code"}"#])
        } // The socket closes here, without a close frame.
        try await Poll.until("the silent run's container is removed after its client left", timeout: 20, look: { try await server.containers().isEmpty }, holds: { $0 })
        try await assertSlotIsFree()
    }

    func testHeartbeatsKeepASilentStreamReadable() async throws {
        let reply = try await HTTPClient(baseURL: server.baseURL).execute(["runtime": "bash", "cmd": "sleep 3; echo done"], stream: true)
        XCTAssertTrue(reply.text.contains(": ping\n\n"), reply.text)
        let events = reply.text.components(separatedBy: "\n\n").filter { $0.hasPrefix("data: ") }
        XCTAssertEqual(events, [#"data: {"type":"stdout","data":"done\n","phase":"code"}"#, #"data: {"type":"exit","data":"0","phase":"code"}"#])
    }
}
