import Foundation
import XCTest

/// Bad `timeoutMs` values are refused before anything runs, and a request whose body never
/// arrives does not hold its connection open (`server.idleTimeoutMs`).
final class RequestValidationTests: SharedServerTestCase {
    override class var serverConfig: String { #"{"cleanup": {"autoPrune": false}, "server": {"idleTimeoutMs": 1500}}"# }
    var client: HTTPClient { HTTPClient(baseURL: server.baseURL) }

    func testNegativeZeroAndAbsurdTimeoutsAre400() async throws {
        let cases: [(String, Any)] = [("-5", -5), ("0", 0), ("1e+20", 1e20), ("1.5", 1.5), ("2147483648", 2_147_483_648)]
        for (shown, value) in cases {
            let inRequest = try await client.execute(["runtime": "bash", "cmd": "echo ran", "timeoutMs": value])
            XCTAssertEqual(inRequest.status, 400, "request.timeoutMs \(shown): \(inRequest.text)")
            let message = try XCTUnwrap(inRequest.json["error"] as? String)
            XCTAssertTrue(message.hasPrefix("Invalid request.timeoutMs \"\(shown)\": "), message)
            // Both places a client can put it get the catalog's words.
            let inOptions = try await client.execute(["runtime": "bash", "cmd": "echo ran"], options: ["timeoutMs": value], stream: true)
            XCTAssertEqual(inOptions.status, 400, "options.timeoutMs \(shown): \(inOptions.text)")
            XCTAssertEqual(inOptions.json["error"] as? String, message.replacingOccurrences(of: "request.timeoutMs", with: "options.timeoutMs"))
        }
        let negative = try await client.execute(["runtime": "bash", "cmd": "echo ran", "timeoutMs": -5])
        XCTAssertEqual(negative.json["error"] as? String, #"Invalid request.timeoutMs "-5": -5 is out of range; use 1 to 2147483647 milliseconds"#)
        let fine = try await client.execute(["runtime": "bash", "cmd": "echo ran", "timeoutMs": 2_147_483_647])
        XCTAssertEqual(fine.json["stdout"] as? String, "ran", fine.text)
    }

    func testABodyThatNeverArrivesIsCutOff() throws {
        let promised = try RawHTTPConnection(port: server.port)
        try promised.send("POST /execute HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(ServerProcess.apiKey)\r\n"
                          + "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{\"r")
        XCTAssertTrue(promised.waitForServerClose(deadline: Date().addingTimeInterval(30)), "the server kept the stalled request open")

        let stalled = try RawHTTPConnection(port: server.port)
        try stalled.send("POST /execute HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(ServerProcess.apiKey)\r\n"
                         + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"req\r\n")
        XCTAssertTrue(stalled.waitForServerClose(deadline: Date().addingTimeInterval(30)), "the server kept the stalled chunked body open")
        // The server still serves.
        let health = try RawHTTPConnection(port: server.port)
        try health.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        XCTAssertTrue(health.waitFor("\"status\":\"ok\"", deadline: Date().addingTimeInterval(30)))
    }
}
