import Foundation
import XCTest
import Isol8Core
import Isol8TestSupport

/// Auto-prune (compat §6.7) with a short age and interval (ISOL8_PRUNE_INTERVAL_MS).
final class PruneTests: XCTestCase {
    var server: ServerProcess!
    var client: HTTPClient { HTTPClient(baseURL: server.baseURL) }

    override func setUpWithError() throws {
        server = try ServerProcess(config: #"{"cleanup": {"autoPrune": true, "maxContainerAgeMs": 1500}}"#,
                                   environment: ["ISOL8_PRUNE_INTERVAL_MS": "200"])
        try server.start()
    }

    override func tearDown() {
        server.stop()
        super.tearDown()
    }

    func testIdleSessionIsPrunedAfterTheConfiguredAge() async throws {
        XCTAssertTrue(server.output.contains("[DEBUG] [Server] Auto-prune: true"))
        let id = "idle-\(UUID().uuidString.prefix(8))"
        let reply = try await client.execute(["runtime": "bash", "cmd": "true"], sessionId: id)
        XCTAssertEqual(reply.status, 200)
        let listed = try await client.call("GET", "/sessions")
        XCTAssertTrue(listed.text.contains(id))
        XCTAssertTrue(server.waitForOutput("[DEBUG] [Server] Auto-pruning stale session: \(id)", timeout: 30))
        let after = try await client.call("GET", "/sessions")
        XCTAssertFalse(after.text.contains(id))
        let file = try await client.call("GET", "/file?sessionId=\(id)&path=/sandbox/x")
        XCTAssertEqual(file.status, 404)
    }

    func testActiveSessionIsNeverPruned() async throws {
        let id = "busy-\(UUID().uuidString.prefix(8))"
        // Runs for well over the 1.5 s age, across about fifteen prune passes.
        let code = "import time\ntime.sleep(4)\nprint('survived')"
        async let run = client.execute(["runtime": "python", "code": code], sessionId: id)
        try await Poll.until("session \(id) listed as active", look: { try await self.client.call("GET", "/sessions") }, holds: { during in
            let sessions = during.json["sessions"] as? [[String: Any]] ?? []
            return sessions.first { $0["id"] as? String == id }?["isActive"] as? Bool == true
        }, describe: \.text)
        let reply = try await run
        XCTAssertEqual(reply.json["stdout"] as? String, "survived", reply.text)
        XCTAssertEqual(reply.json["exitCode"] as? Int, 0)
        // Once idle it ages out like any other — and only then: the prune line follows the end of the run.
        XCTAssertTrue(server.waitForOutput("[DEBUG] [Server] Auto-pruning stale session: \(id)", timeout: 30))
        let log = server.output
        let finished = try XCTUnwrap(log.range(of: "[DEBUG] [Server] Execution completed: exitCode=0"), log)
        let pruned = try XCTUnwrap(log.range(of: "Auto-pruning stale session: \(id)"), log)
        XCTAssertLessThan(finished.lowerBound, pruned.lowerBound, "pruned while it was running:\n\(log)")
    }
}
