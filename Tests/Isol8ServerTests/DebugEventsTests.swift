import Foundation
import Isol8Core
import Isol8TestSupport
import XCTest

/// `GET /debug/events`: the server's log lines for a remote debugger — debug lines even when
/// the console shows none, the master key only — and what a client is told by a server
/// without this port's additions.
final class DebugEventsTests: XCTestCase {
    private var server: ServerProcess!
    private let databasePath = FileManager.default.temporaryDirectory
        .appendingPathComponent("isol8-debug-events-\(UUID().uuidString)/auth.db").path

    override func setUpWithError() throws {
        // No --debug: the console stays quiet, the stream does not.
        server = try ServerProcess(config: #"{"cleanup": {"autoPrune": false}}"#, arguments: [
            "serve", "--port", String(ServerProcess.freePort()), "--key", ServerProcess.apiKey, "--bind", "127.0.0.1",
            "--auth-db", databasePath,
        ])
        try server.start()
    }

    override func tearDown() {
        _ = server?.stop()
    }

    func testTheMasterKeyFollowsDebugLinesTheConsoleDoesNotShow() async throws {
        let lines = LineCollector()
        let token = CancelToken()
        let engine = try RemoteEngine(host: server.baseURL, apiKey: ServerProcess.apiKey)
        let following = Task { try await engine.followServerLog(cancel: token) { lines.add($0) } }

        let session = "debug-events-\(UUID().uuidString.prefix(6))"
        let reply = try await HTTPClient(baseURL: server.baseURL).execute(["code": "print(1)", "runtime": "python"], sessionId: session,
                                                                    options: ["memoryLimit": "128m"])
        XCTAssertEqual(reply.status, 200, reply.text)
        try await Poll.until("the session's creation and completion in the stream", look: { lines.texts }, holds: { texts in
            texts.contains("[DEBUG] [Server] options: memoryLimit = 128m (request)")
                && texts.contains("[DEBUG] [Server] Creating new session: \(session)")
                && texts.contains { $0.hasPrefix("[DEBUG] [Server] Execution completed: exitCode=0") }
        })
        let numbers = lines.numbers
        XCTAssertEqual(numbers, numbers.sorted(), "lines arrive in the order they were logged")
        XCTAssertFalse(server.output.contains("[DEBUG]"), "without --debug the console shows no debug line: \(server.output)")

        token.cancel()
        _ = await following.result
        _ = try await HTTPClient(baseURL: server.baseURL).call("DELETE", "/session/\(session)")
    }

    func testATenantKeyIsRefused() async throws {
        let created = try await HTTPClient(baseURL: server.baseURL).call("POST", "/auth/keys", json: ["name": "t", "tenantId": "tenant-a"])
        XCTAssertEqual(created.status, 201, created.text)
        let tenantKey = try XCTUnwrap(created.json["key"] as? String)
        let engine = try RemoteEngine(host: server.baseURL, apiKey: tenantKey)
        do {
            try await engine.followServerLog(cancel: CancelToken()) { _ in }
            XCTFail("a tenant key followed the server's log")
        } catch let error as RemoteError {
            XCTAssertEqual(error.status, 403)
            XCTAssertTrue(error.description.contains("Master key required for this operation"), error.description)
        }
    }

    /// An isol8 server without this port's additions (emulated by a proxy that hides them in
    /// front of the real one) is named as such; a session that is gone stays "gone".
    func testAServerWithoutTheAdditionsIsNamedAsSuch() async throws {
        let proxy = try UpgradeRefusingProxy(upstreamPort: server.port) { path in
            path.hasPrefix("/debug/") || path.hasSuffix("/container")
        }
        let original = try RemoteEngine(host: "http://127.0.0.1:\(proxy.port)", apiKey: ServerProcess.apiKey)
        for attempt in [{ try await original.followServerLog(cancel: CancelToken()) { _ in } },
                        { _ = try await original.sessionContainer("some-session") }] {
            do {
                try await attempt()
                XCTFail("a route the server lacks answered")
            } catch let error as RemoteError {
                guard case .notOffered = error else { return XCTFail("\(error)") }
                XCTAssertTrue(error.description.contains("isol8 server without this port's additions"), error.description)
            }
        }

        let ours = try RemoteEngine(host: server.baseURL, apiKey: ServerProcess.apiKey)
        do {
            _ = try await ours.sessionContainer("no-such-session")
            XCTFail("an unknown session was inspected")
        } catch DockerError.api(let status, _) {
            XCTAssertEqual(status, 404)
        }
    }
}

/// Lines a follower received, read from the test while the follower adds to it.
private final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [ServerLogLine] = []

    func add(_ line: ServerLogLine) { lock.withLock { lines.append(line) } }
    var texts: [String] { lock.withLock { lines.map(\.line) } }
    var numbers: [Int] { lock.withLock { lines.map(\.number) } }
}
