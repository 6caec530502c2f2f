import Crypto
import Foundation
import XCTest
import Isol8TestSupport
import Isol8Core

/// DB-backed API keys on a real `isol8 serve --auth-db` (compat §6.2, §6.5 `/auth/*`, §6.10)
/// and `isol8 login`/`logout` against it (compat §8.7).
final class AuthKeyTests: SharedServerTestCase {
    static let databasePath = FileManager.default.temporaryDirectory
        .appendingPathComponent("isol8-auth-\(UUID().uuidString)/nested/auth.db").path

    override class var serverArguments: [String] { ["--auth-db", databasePath] }
    // An hour, so the default lifetime is told apart from the built-in 24 h.
    override class var serverConfig: String { #"{"cleanup": {"autoPrune": false}, "auth": {"defaultTtlMs": 3600000}}"# }

    var master: HTTPClient { HTTPClient(baseURL: server.baseURL) }

    func client(_ key: String) -> HTTPClient { HTTPClient(baseURL: server.baseURL, authorization: "Bearer \(key)") }

    func createKey(_ body: [String: Any]) async throws -> (id: String, key: String) {
        let reply = try await master.call("POST", "/auth/keys", json: body)
        XCTAssertEqual(reply.status, 201, reply.text)
        return (try XCTUnwrap(reply.json["id"] as? String), try XCTUnwrap(reply.json["key"] as? String))
    }

    func listed(_ query: String = "") async throws -> [[String: Any]] {
        let reply = try await master.call("GET", "/auth/keys" + query)
        XCTAssertEqual(reply.status, 200, reply.text)
        return try XCTUnwrap(reply.json["keys"] as? [[String: Any]])
    }

    func testStartupNamesTheDatabaseAfterCreatingItsFolder() {
        let path = Self.databasePath
        XCTAssertTrue(server.output.contains("[Server] DB-backed auth enabled: \(path)\n"), server.output)
        // The banner's last line may trail the server's readiness.
        XCTAssertTrue(server.waitForOutput("       Auth: Bearer token required\n       Auth DB: \(path)\n"), server.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    }

    func testCreatedKeyOpensProtectedRoutesUntilRevoked() async throws {
        let reply = try await master.call("POST", "/auth/keys", json: ["name": "ci"])
        XCTAssertEqual(reply.status, 201)
        let pattern = #"^\{"id":"[0-9a-f-]{36}","key":"isol8_[0-9a-f]{64}","name":"ci","keyPrefix":"isol8_[0-9a-f]{4}\.\.\.","tenantId":"default","expiresAt":"[^"]+Z"\}$"#
        XCTAssertNotNil(reply.text.range(of: pattern, options: .regularExpression), reply.text)
        let id = try XCTUnwrap(reply.json["id"] as? String), key = try XCTUnwrap(reply.json["key"] as? String)
        XCTAssertEqual(reply.json["keyPrefix"] as? String, String(key.prefix(10)) + "...")
        let expiresAt = try XCTUnwrap(WireJSON.date(fromISO: reply.json["expiresAt"] as? String ?? ""))
        XCTAssertEqual(expiresAt.timeIntervalSinceNow, 3600, accuracy: 300)

        let allowed = try await client(key).call("GET", "/sessions")
        XCTAssertEqual(allowed.status, 200, allowed.text)
        XCTAssertTrue(server.waitForOutput("[DEBUG] [Server] Authenticated API key: id=\(id) tenantId=default\n"))

        let revoked = try await master.call("DELETE", "/auth/keys/\(id)")
        XCTAssertEqual(revoked.status, 200)
        XCTAssertEqual(revoked.text, #"{"ok":true,"id":"\#(id)"}"#)
        let refused = try await client(key).call("GET", "/sessions")
        XCTAssertEqual(refused.status, 403)
        XCTAssertEqual(refused.text, #"{"error":"Invalid API key"}"#)

        XCTAssertTrue(server.waitForOutput("[Server] Revoked API key: id=\(id)\n"))
        XCTAssertTrue(server.output.contains("[Server] Created API key: id=\(id) name=ci\n"))
        XCTAssertFalse((server.output + server.errors).contains(String(key.dropFirst(6))))
    }

    func testApiKeysGetMasterOnlyRefusalOnEveryAuthRoute() async throws {
        let (id, key) = try await createKey(["name": "not-master"])
        for (method, path) in [("POST", "/auth/keys"), ("GET", "/auth/keys"), ("DELETE", "/auth/keys/\(id)"), ("POST", "/auth/login")] {
            let reply = try await client(key).call(method, path, json: ["name": "sneaky"])
            XCTAssertEqual(reply.status, 403, "\(method) \(path)")
            XCTAssertEqual(reply.text, #"{"error":"Master key required for this operation"}"#, "\(method) \(path)")
        }
        let keys = try await listed()
        XCTAssertEqual(keys.first { $0["id"] as? String == id }?["revoked"] as? Bool, false)
        XCTAssertFalse(keys.contains { $0["name"] as? String == "sneaky" })
    }

    func testListingIsNewestFirstPerTenantAndNeverShowsKeysOrHashes() async throws {
        let tenant = "tenant-\(UUID().uuidString.prefix(8))"
        let older = try await createKey(["name": "older", "tenantId": tenant])
        let newer = try await createKey(["name": "newer", "tenantId": tenant])
        let elsewhere = try await createKey(["name": "elsewhere"])

        let reply = try await master.call("GET", "/auth/keys?tenantId=\(tenant)")
        let keys = try XCTUnwrap(reply.json["keys"] as? [[String: Any]])
        XCTAssertEqual(keys.map { $0["id"] as? String }, [newer.id, older.id])
        XCTAssertTrue(reply.text.hasPrefix(#"{"keys":[{"id":""#), reply.text)
        XCTAssertEqual(Set(keys[0].keys), ["id", "name", "keyPrefix", "tenantId", "createdAt", "expiresAt", "lastUsedAt", "revoked"])
        XCTAssertTrue(keys[0]["lastUsedAt"] is NSNull)
        for secret in [older.key, newer.key] {
            XCTAssertFalse(reply.text.contains(String(secret.dropFirst(10))))
            XCTAssertFalse(reply.text.contains(SHA256.hash(data: Data(secret.utf8)).hexString))
        }

        let all = try await listed("?tenantId=")
        XCTAssertTrue(all.contains { $0["id"] as? String == elsewhere.id })
        XCTAssertTrue(all.contains { $0["id"] as? String == older.id })

        _ = try await client(newer.key).call("GET", "/sessions")
        let used = try await listed("?tenantId=\(tenant)")
        XCTAssertNotNil(WireJSON.date(fromISO: used.first?["lastUsedAt"] as? String ?? ""), "\(used)")
    }

    func testBadKeyRequestsAreNamed() async throws {
        for body in [[:], ["name": ""], ["tenantId": "t"]] as [[String: Any]] {
            let reply = try await master.call("POST", "/auth/keys", json: body)
            XCTAssertEqual(reply.status, 400)
            XCTAssertEqual(reply.text, #"{"error":"name is required"}"#)
        }
        let ttl = try await master.call("POST", "/auth/keys", json: ["name": "x", "ttlMs": "soon"])
        XCTAssertEqual(ttl.status, 400)
        XCTAssertEqual(ttl.text, #"{"error":"ttlMs must be a positive integer (milliseconds)"}"#)
        let unknown = try await master.call("DELETE", "/auth/keys/no-such-key")
        XCTAssertEqual(unknown.status, 404)
        XCTAssertEqual(unknown.text, #"{"error":"Key not found"}"#)
    }

    func testLoginTokenWorksUntilItExpires() async throws {
        let reply = try await master.call("POST", "/auth/login", json: ["ttlMs": 5000])
        XCTAssertEqual(reply.status, 200)
        XCTAssertNotNil(reply.text.range(of: #"^\{"token":"isol8_[0-9a-f]{64}","expiresAt":"[^"]+","keyId":"[0-9a-f-]{36}"\}$"#,
                                         options: .regularExpression), reply.text)
        let token = try XCTUnwrap(reply.json["token"] as? String), keyId = try XCTUnwrap(reply.json["keyId"] as? String)
        let expiresAt = try XCTUnwrap(WireJSON.date(fromISO: reply.json["expiresAt"] as? String ?? ""))
        let fresh = try await client(token).call("GET", "/sessions")
        XCTAssertEqual(fresh.status, 200)
        let name = try await listed().first { $0["id"] as? String == keyId }?["name"] as? String
        XCTAssertTrue(name?.hasPrefix("login-20") == true, name ?? "missing")
        XCTAssertTrue(server.waitForOutput("[Server] Login token issued: id=\(keyId)\n"))

        // Ask until it is refused; every answer must agree with the clock: accepted only when
        // asked before the expiry, refused only when answered after it.
        let stale = try await Poll.until("the token to expire at \(expiresAt)", look: { () async throws -> (Date, HTTPClient.Reply, Date) in
            let asked = Date()
            let answer = try await self.client(token).call("GET", "/sessions")
            return (asked, answer, Date())
        }, holds: { asked, answer, answered in
            if answer.status == 200 { XCTAssertLessThan(asked, expiresAt, "accepted after it expired") }
            if answer.status == 403 { XCTAssertGreaterThan(answered, expiresAt, "refused before it expired") }
            return answer.status != 200
        }, describe: { "\($0.1.status) \($0.1.text)" }).1
        XCTAssertEqual(stale.status, 403)
        XCTAssertEqual(stale.text, #"{"error":"Invalid API key"}"#)
    }

    func testLoginWithoutBodyUsesTheConfiguredLifetime() async throws {
        let reply = try await master.call("POST", "/auth/login")
        XCTAssertEqual(reply.status, 200, reply.text)
        let expiresAt = try XCTUnwrap(WireJSON.date(fromISO: reply.json["expiresAt"] as? String ?? ""))
        XCTAssertEqual(expiresAt.timeIntervalSinceNow, 3600, accuracy: 300)
    }

    func testCLILoginStoresATokenThatRunAndSessionListUseUntilLogout() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-home-\(UUID().uuidString)").path
        let login = try CLIRun.run(["login", "--host", server.baseURL + "/", "--key", ServerProcess.apiKey, "--name", "cli-test", "--ttl", "600000"],
                                   home: home)
        XCTAssertEqual(login.status, 0, login.stderr)
        let lines = login.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.count, 5, login.stdout)
        XCTAssertEqual(lines[0], "Authenticated successfully")
        XCTAssertEqual(lines[1], "  Host:    \(server.baseURL)")
        XCTAssertTrue(lines[2].hasPrefix("  Expires: ") && lines[2].count > 12, lines[2])
        XCTAssertEqual(lines[3], "  Stored:  ~/.isol8/credentials.json")

        let file = StoredCredentials.path(home: home)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
        let stored = try XCTUnwrap(StoredCredentials.load(home: home))
        XCTAssertEqual(stored.host, server.baseURL)
        XCTAssertTrue(stored.token.hasPrefix("isol8_"))
        let expiresAt = try XCTUnwrap(WireJSON.date(fromISO: stored.expiresAt))
        XCTAssertEqual(expiresAt.timeIntervalSinceNow, 600, accuracy: 120)
        XCTAssertTrue(server.waitForOutput("[Server] Login token issued: id=\(stored.keyId)\n"), server.output)
        let name = try await listed().first { $0["id"] as? String == stored.keyId }?["name"] as? String
        XCTAssertEqual(name, "cli-test")

        let sessions = try CLIRun.run(["session", "list", "--host", server.baseURL], home: home)
        XCTAssertEqual(sessions.status, 0, sessions.stderr)
        XCTAssertEqual(sessions.stderr, "")
        let run = try CLIRun.run(["run", "--host", server.baseURL, "-e", "print(6*7)"], home: home)
        XCTAssertEqual(run.stdout, "42\n", run.stderr)
        XCTAssertTrue(server.waitForOutput("[DEBUG] [Server] Authenticated API key: id=\(stored.keyId) tenantId=default\n"))

        let logout = try CLIRun.run(["logout"], home: home)
        XCTAssertEqual(logout.status, 0)
        XCTAssertEqual(logout.stdout, "[OK] Credentials removed from ~/.isol8/credentials.json\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        let again = try CLIRun.run(["logout"], home: home)
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(again.stdout, "[INFO] No stored credentials found.\n")
        let after = try CLIRun.run(["session", "list", "--host", server.baseURL], home: home)
        XCTAssertEqual(after.status, 1)
        XCTAssertEqual(after.stderr, "[ERR] API key required. Use --key, ISOL8_API_KEY env var, or `isol8 login`.\n")
    }

    func testHelpListsLoginAndLogoutBetweenCleanupAndSession() throws {
        let help = try CLIRun.run(["--help"]).stdout
        let section = try XCTUnwrap(help.components(separatedBy: "\nCommands:\n").last?.components(separatedBy: "\n\n").first)
        let commands = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first else { return nil }
            return String(word)
        }
        XCTAssertEqual(commands, ["setup", "build", "list-custom", "run", "serve", "config", "cleanup", "login", "logout", "session"], help)
    }

    func testCLILoginRejectsABadTtlAndAWrongMasterKey() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-home-\(UUID().uuidString)").path
        let ttl = try CLIRun.run(["login", "--host", server.baseURL, "--key", ServerProcess.apiKey, "--ttl", "10m"], home: home)
        XCTAssertEqual(ttl.status, 1)
        XCTAssertEqual(ttl.stderr, "[ERR] --ttl must be a positive number of milliseconds, got: 10m\n")
        let wrong = try CLIRun.run(["login", "--host", server.baseURL, "--key", "not-the-master"], home: home)
        XCTAssertEqual(wrong.status, 1)
        XCTAssertEqual(wrong.stderr, "[ERR] Authentication failed: Invalid API key\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: StoredCredentials.path(home: home)))
    }
}
