import Foundation
import XCTest
import Isol8Core

/// `POST /cleanup` on a server of its own (compat §6.9). Never with `images: true`: that
/// would delete the shared `isol8:*` images. It removes every isol8 container on the daemon.
final class CleanupRouteTests: SharedServerTestCase {
    var client: HTTPClient { HTTPClient(baseURL: server.baseURL) }

    func testCleanupStopsSessionsAndRemovesTheirContainers() async throws {
        let id = "cleanup-\(UUID().uuidString.prefix(8))"
        let created = try await client.execute(["runtime": "bash", "cmd": "hostname"], sessionId: id)
        XCTAssertEqual(created.status, 200, created.text)
        let container = try XCTUnwrap(created.json["stdout"] as? String)
        let docker = try DockerClient.fromEnvironment()
        _ = try await docker.inspectContainer(container)  // the session's container exists now

        let reply = try await client.call("POST", "/cleanup", json: ["images": false])
        XCTAssertEqual(reply.status, 200, reply.text)
        XCTAssertEqual(reply.json["ok"] as? Bool, true)
        let sessions = try XCTUnwrap(reply.json["sessions"] as? [String: Any])
        XCTAssertGreaterThanOrEqual(sessions["removed"] as? Int ?? 0, 1)
        XCTAssertEqual(sessions["failed"] as? Int, 0)
        let containers = try XCTUnwrap(reply.json["containers"] as? [String: Any])
        XCTAssertNotNil(containers["removed"] as? Int)
        XCTAssertNotNil(containers["errors"] as? [Any])
        XCTAssertNil(reply.json["images"], "images: false leaves images out")

        let listed = try await client.call("GET", "/sessions")
        XCTAssertEqual(listed.text, #"{"sessions":[]}"#)
        let inspected = try? await docker.inspectContainer(container)
        XCTAssertNil(inspected, "the session's container \(container) is gone")
        XCTAssertTrue(server.waitForOutput("[Server] Cleanup complete: sessions="))
    }
}
