import Foundation
import XCTest
import Isol8Core

/// The `/auth/*` routes and `isol8 login` on a server started without `--auth-db`
/// (compat §6.5, §8.7).
final class AuthWithoutDatabaseTests: SharedServerTestCase {
    func testKeyRoutesTellTheMasterThatDBAuthIsOff() async throws {
        let master = HTTPClient(baseURL: server.baseURL)
        for (method, path) in [("POST", "/auth/keys"), ("GET", "/auth/keys"), ("DELETE", "/auth/keys/some-id"), ("POST", "/auth/login")] {
            let reply = try await master.call(method, path, json: ["name": "x"])
            XCTAssertEqual(reply.status, 400, "\(method) \(path)")
            XCTAssertEqual(reply.text, #"{"error":"DB-backed auth is not enabled"}"#, "\(method) \(path)")
        }
        XCTAssertFalse(server.output.contains("Auth DB:"), server.output)
        XCTAssertFalse(server.output.contains("DB-backed auth enabled"))
    }

    func testAnyOtherKeyIsStillJustInvalid() async throws {
        let reply = try await HTTPClient(baseURL: server.baseURL, authorization: "Bearer isol8_\(String(repeating: "a", count: 64))")
            .call("POST", "/auth/keys", json: ["name": "x"])
        XCTAssertEqual(reply.status, 403)
        XCTAssertEqual(reply.text, #"{"error":"Invalid API key"}"#)
    }

    func testCLILoginExplainsHowToEnableDBAuth() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-home-\(UUID().uuidString)").path
        let outcome = try CLIRun.run(["login", "--host", server.baseURL, "--key", ServerProcess.apiKey], home: home)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertEqual(outcome.stderr, """
            [ERR] Authentication failed: DB-backed auth is not enabled
            [WARN] DB-backed auth may not be enabled on the server.
            [WARN] Start the server with --auth-db <path> to enable it.

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: StoredCredentials.path(home: home)))
    }

    func testCLILoginToNoServerSaysLoginFailed() throws {
        let outcome = try CLIRun.run(["login", "--host", "http://127.0.0.1:\(ServerProcess.freePort())", "--key", "k"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("[ERR] Login failed: cannot reach http://127.0.0.1:"), outcome.stderr)
    }
}
