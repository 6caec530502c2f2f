import Foundation
import XCTest
import Isol8Core

/// `isol8 run --host`, `isol8 session list|stop` against a real server (compat §8.1, §8.9).
final class CLIRemoteTests: SharedServerTestCase {
    var home: String { server.directory.path }

    func isol8(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRun.Outcome {
        try CLIRun.run(arguments, environment: environment, home: home)
    }

    func testRunOnAHostStreamsAndBuffers() throws {
        let streamed = try isol8(["run", "--host", server.baseURL, "--key", ServerProcess.apiKey, "-e", "print(6*7)"])
        XCTAssertEqual(streamed.status, 0, streamed.stderr)
        XCTAssertEqual(streamed.stdout, "42\n")
        let buffered = try isol8(["run", "--host", server.baseURL, "--no-stream", "--cmd", "echo out; exit 5"],
                                 environment: ["ISOL8_API_KEY": ServerProcess.apiKey])
        XCTAssertEqual(buffered.status, 5)
        XCTAssertEqual(buffered.stdout, "out\n")
    }

    func testRunWithDebugNamesTheRemoteEngine() throws {
        let outcome = try isol8(["run", "--debug", "--host", server.baseURL, "--key", ServerProcess.apiKey, "-e", "print(1)"])
        XCTAssertEqual(outcome.stdout, "1\n", "the debug lines stay off stdout")
        XCTAssertTrue(outcome.stderr.contains("[DEBUG] [Run] Using remote engine: \(server.baseURL)\n"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("[DEBUG] [Run] Remote execution on \(server.baseURL)\n"))
    }

    func testNamedSessionPersistsAcrossRunsThenListsAndStops() throws {
        let id = "cli-\(UUID().uuidString.prefix(8))"
        let key = ["--host", server.baseURL, "--key", ServerProcess.apiKey]
        let first = try isol8(["run", "--session-id", id, "--cmd", "echo remembered > /sandbox/m.txt"] + key)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, "[Run] Session ID: \(id)\n")
        let second = try isol8(["run", "--session-id", id, "--cmd", "cat /sandbox/m.txt"] + key)
        XCTAssertEqual(second.stdout, "[Run] Session ID: \(id)\nremembered\n")

        let json = try isol8(["session", "list", "--json"] + key)
        let sessions = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(sessions.first { $0["id"] as? String == id }?["isActive"] as? Bool, false)
        XCTAssertTrue(json.stdout.hasPrefix("[\n  {\n    \"id\": "), json.stdout)
        let text = try isol8(["session", "list"] + key)
        XCTAssertTrue(text.stdout.contains("  \(id)  [idle]  last accessed: "), text.stdout)

        let stopped = try isol8(["session", "stop", id] + key)
        XCTAssertEqual(stopped.status, 0, stopped.stderr)
        XCTAssertEqual(stopped.stdout, "[OK] Session \"\(id)\" destroyed.\n")
        let listed = try isol8(["session", "list", "--json"] + key)
        XCTAssertFalse(listed.stdout.contains(id))
        let alias = try isol8(["session", "delete", id] + key)
        XCTAssertEqual(alias.stdout, "[OK] Session \"\(id)\" destroyed.\n")
    }

    func testPersistentRemoteRunGetsAGeneratedSessionThatIsDeletedAfterwards() throws {
        let outcome = try isol8(["run", "--persistent", "--host", server.baseURL, "--key", ServerProcess.apiKey, "-e", "print(2)"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let id = try XCTUnwrap(outcome.stdout.split(separator: "\n").first.map(String.init))
        XCTAssertTrue(id.hasPrefix("[Run] Session ID: cli-"), id)
        let listed = try isol8(["session", "list", "--json", "--host", server.baseURL, "--key", ServerProcess.apiKey])
        XCTAssertFalse(listed.stdout.contains(id.replacingOccurrences(of: "[Run] Session ID: ", with: "")))
    }

    func testSessionIdNeedsAHost() throws {
        let outcome = try isol8(["run", "--session-id", "x", "-e", "print(1)"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "[ERR] --session-id requires --host (remote server). Session IDs are managed by the server.\n")
    }

    func testKeyResolutionFallsBackToStoredCredentialsAndWarnsWhenExpired() throws {
        let missing = try isol8(["run", "--host", server.baseURL, "-e", "print(1)"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "[ERR] API key required. Use --key, ISOL8_API_KEY env var, or `isol8 login`.\n")

        let future = WireJSON.isoTimestamp(Date().addingTimeInterval(3600))
        try StoredCredentials(host: server.baseURL + "/", token: ServerProcess.apiKey, expiresAt: future, keyId: "k1").save(home: home)
        let stored = try isol8(["run", "--host", server.baseURL, "-e", "print('stored')"])
        XCTAssertEqual(stored.stdout, "stored\n", stored.stderr)

        let past = WireJSON.isoTimestamp(Date().addingTimeInterval(-60))
        try StoredCredentials(host: server.baseURL, token: ServerProcess.apiKey, expiresAt: past, keyId: "k1").save(home: home)
        let expired = try isol8(["run", "--host", server.baseURL, "-e", "print(1)"])
        XCTAssertEqual(expired.status, 1)
        XCTAssertEqual(expired.stderr, "[WARN] Stored credentials have expired. Run `isol8 login` to re-authenticate.\n[ERR] API key required. Use --key, ISOL8_API_KEY env var, or `isol8 login`.\n")
        try? FileManager.default.removeItem(atPath: StoredCredentials.path(home: home))
    }

    func testWrongKeyFailsWithExitOne() throws {
        let outcome = try isol8(["session", "list", "--host", server.baseURL, "--key", "bad"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("[ERR] Failed to list sessions: Invalid API key. "), outcome.stderr)
        let run = try isol8(["run", "--no-stream", "--host", server.baseURL, "--key", "bad", "-e", "print(1)"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "[ERR] Execution failed: Invalid API key. Check --key, ISOL8_API_KEY or `isol8 login`.\n")
    }
}
