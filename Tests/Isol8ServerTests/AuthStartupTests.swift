import Foundation
import XCTest
import Isol8Core

/// How `isol8 serve` finds, opens and closes the key database (compat §6.1 step 4, §6.10).
final class AuthStartupTests: XCTestCase {
    func testServerURLsAreRefusedAtStartupWithoutShowingThem() throws {
        let cases = [("--auth-db", "postgres://admin:s3cret@db.example:5432/keys", "postgres"),
                     ("--auth-db", "postgresql://admin:s3cret@db.example/keys", "postgres"),
                     ("config", "mysql://root:s3cret@db.example/keys", "mysql")]
        for (source, url, backend) in cases {
            let server = source == "config"
                ? try ServerProcess(config: #"{"auth": {"enabled": true, "connectionString": "\#(url)"}}"#)
                : try ServerProcess(extraArguments: ["--auth-db", url])
            XCTAssertThrowsError(try server.start(), backend)
            XCTAssertEqual(server.waitForExit(), 1, server.errors)
            XCTAssertTrue(server.errors.contains("[ERR] Unsupported auth backend: \(backend). "), server.errors)
            XCTAssertTrue(server.errors.contains("use a SQLite path with --auth-db"), server.errors)
            XCTAssertFalse((server.output + server.errors).contains("s3cret"))
            XCTAssertFalse(server.output.contains("listening on"))
        }
    }

    func testConfigEnablesTheDefaultFileWhoseRevokedKeysAreCleanedUp() async throws {
        let server = try ServerProcess(config: #"{"cleanup": {"autoPrune": false}, "auth": {"enabled": true, "cleanupIntervalMs": 200}}"#)
        try server.start()
        defer { server.stop() }
        let path = server.directory.appendingPathComponent(".isol8/auth.db").path
        XCTAssertTrue(server.output.contains("[Server] DB-backed auth enabled: \(path)\n"), server.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))

        let master = HTTPClient(baseURL: server.baseURL)
        let created = try await master.call("POST", "/auth/keys", json: ["name": "short-lived"])
        let id = try XCTUnwrap(created.json["id"] as? String)
        _ = try await master.call("DELETE", "/auth/keys/\(id)")
        XCTAssertTrue(server.waitForOutput("[DEBUG] [Server] Removed 1 expired or revoked API key(s)\n"), server.output)
        let listed = try await master.call("GET", "/auth/keys")
        XCTAssertEqual(listed.text, #"{"keys":[]}"#)
    }

    func testKeysSurviveARestartAndShutdownClosesTheDatabase() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-auth-\(UUID().uuidString).db").path
        let first = try ServerProcess(extraArguments: ["--auth-db", path])
        try first.start()
        let created = try await HTTPClient(baseURL: first.baseURL).call("POST", "/auth/keys", json: ["name": "kept"])
        let key = try XCTUnwrap(created.json["key"] as? String)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-wal"), "the store runs in WAL mode")
        XCTAssertEqual(first.stop(), 0)
        // SQLite removes the WAL file when the last connection closes cleanly.
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))

        let second = try ServerProcess(extraArguments: ["--auth-db", path])
        try second.start()
        defer { second.stop() }
        let reply = try await HTTPClient(baseURL: second.baseURL, authorization: "Bearer \(key)").call("GET", "/sessions")
        XCTAssertEqual(reply.status, 200, reply.text)
    }
}
