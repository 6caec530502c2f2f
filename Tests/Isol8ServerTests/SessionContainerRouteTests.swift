import Foundation
import XCTest
import Isol8Core

/// `GET /session/:id/container` (this port's addition) on a real server: what a remote
/// debugger sees of a session's container, read back through `RemoteEngine`.
final class SessionContainerRouteTests: SharedServerTestCase {
    private var client: HTTPClient { HTTPClient(baseURL: server.baseURL) }

    func testASessionsContainerIsInspectableAndAnUnknownOneIs404() async throws {
        let session = "inspect-\(UUID().uuidString.prefix(8))"
        let run = try await client.execute(["runtime": "python", "code": "open('/sandbox/marker.txt', 'w').write('42')"],
                                           sessionId: session, options: ["memoryLimit": "128m"])
        XCTAssertEqual(run.status, 200, run.text)
        defer { Task { _ = try? await client.call("DELETE", "/session/\(session)") } }

        let engine = try RemoteEngine(host: server.baseURL, apiKey: ServerProcess.apiKey)
        let snapshot = try await engine.sessionContainer(session)
        XCTAssertEqual(snapshot.id, session)
        XCTAssertTrue(snapshot.running)
        XCTAssertEqual(snapshot.limits.memoryBytes, 128 << 20)
        XCTAssertTrue(snapshot.sandboxListing?.contains("marker.txt") == true, snapshot.sandboxListing ?? "no listing")
        XCTAssertNotNil(snapshot.processes)

        let unknown = try await client.call("GET", "/session/no-such-session/container")
        XCTAssertEqual(unknown.status, 404)
        XCTAssertTrue(unknown.text.contains("Session not found: no-such-session"), unknown.text)
        do {
            _ = try await engine.sessionContainer("no-such-session")
            XCTFail("an unknown session has no container")
        } catch DockerError.api(404, let message) {
            XCTAssertTrue(message.contains("no-such-session"), message)
        }
    }
}
