import Foundation
import XCTest
import Isol8Core
@testable import Isol8Server

/// With `--auth-db`, a session belongs to the key's tenant: another tenant's key gets 404 on
/// every session route, the master key sees all; and tenant keys cannot switch isolation off
/// through request options unless `tenantPolicy` allows it.
final class TenantIsolationTests: SharedServerTestCase {
    static let databasePath = FileManager.default.temporaryDirectory
        .appendingPathComponent("isol8-tenants-\(UUID().uuidString)/auth.db").path

    override class var serverArguments: [String] { ["--auth-db", databasePath] }

    var master: HTTPClient { HTTPClient(baseURL: server.baseURL) }

    func tenantClient(_ tenant: String) async throws -> HTTPClient {
        let reply = try await master.call("POST", "/auth/keys", json: ["name": tenant, "tenantId": tenant])
        XCTAssertEqual(reply.status, 201, reply.text)
        return HTTPClient(baseURL: server.baseURL, authorization: "Bearer \(try XCTUnwrap(reply.json["key"] as? String))")
    }

    func testAnotherTenantsSessionIsNotFoundOnEveryRoute() async throws {
        let alice = try await tenantClient("alice-\(UUID().uuidString.prefix(6))")
        let bob = try await tenantClient("bob-\(UUID().uuidString.prefix(6))")
        let id = "tenant-\(UUID().uuidString.prefix(8))"
        let made = try await alice.execute(["runtime": "bash", "cmd": "echo secret > /sandbox/a.txt"], sessionId: id)
        XCTAssertEqual(made.status, 200, made.text)
        let notFound = #"{"error":"Session not found"}"#

        let listed = try await bob.call("GET", "/sessions")
        XCTAssertEqual(listed.status, 200)
        XCTAssertFalse(listed.text.contains(id), listed.text)
        let read = try await bob.call("GET", "/file?sessionId=\(id)&path=/sandbox/a.txt")
        XCTAssertEqual(read.status, 404)
        XCTAssertEqual(read.text, notFound)
        let write = try await bob.call("POST", "/file", json: ["sessionId": id, "path": "/sandbox/b.txt", "content": "aGk="])
        XCTAssertEqual(write.status, 404)
        XCTAssertEqual(write.text, notFound)
        let run = try await bob.execute(["runtime": "bash", "cmd": "cat /sandbox/a.txt"], sessionId: id)
        XCTAssertEqual(run.status, 404, run.text)
        XCTAssertEqual(run.text, notFound)
        let stream = try await bob.execute(["runtime": "bash", "cmd": "cat /sandbox/a.txt"], sessionId: id, stream: true)
        XCTAssertEqual(stream.status, 404, stream.text)
        let socket = try RawWebSocket(port: server.port, path: "/execute/ws", authorization: bob.authorization)
        XCTAssertTrue(socket.upgraded, socket.statusLine)
        try socket.sendText(#"{"type":"execute","sessionId":"\#(id)","request":{"runtime":"bash","cmd":"cat /sandbox/a.txt"}}"#)
        let closed = try socket.readUntilClose()
        XCTAssertEqual(closed.messages, [#"{"type":"error","data":"Session not found"}"#])
        let inspect = try await bob.call("GET", "/session/\(id)/container")
        XCTAssertEqual(inspect.status, 404, inspect.text)
        let delete = try await bob.call("DELETE", "/session/\(id)")
        XCTAssertEqual(delete.status, 404)
        XCTAssertEqual(delete.text, notFound)
        // POST /cleanup is master-only now; it is not called here because on a server
        // without that rule it removes every isol8 container on the shared daemon.
        XCTAssertTrue(AuthMiddleware<Isol8RequestContext>.isMasterOnly("/cleanup"))

        // The session is untouched, its owner still uses it, and the master key sees it.
        let again = try await alice.execute(["runtime": "bash", "cmd": "cat /sandbox/a.txt; ls /sandbox"], sessionId: id)
        XCTAssertEqual(again.json["stdout"] as? String, "secret\na.txt", again.text)
        let ownList = try await alice.call("GET", "/sessions")
        XCTAssertTrue(ownList.text.contains(id), ownList.text)
        let masterList = try await master.call("GET", "/sessions")
        XCTAssertTrue(masterList.text.contains(id), masterList.text)
        let masterRead = try await master.call("GET", "/file?sessionId=\(id)&path=/sandbox/a.txt")
        XCTAssertEqual((masterRead.json["content"] as? String).flatMap { Data(base64Encoded: $0) }, Data("secret\n".utf8))
        let removed = try await alice.call("DELETE", "/session/\(id)")
        XCTAssertEqual(removed.text, #"{"ok":true}"#)
        XCTAssertTrue(server.waitForOutput("[Server] Session destroyed: \(id)"))
    }

    func testTenantKeysCannotSwitchIsolationOff() async throws {
        let tenant = try await tenantClient("carol-\(UUID().uuidString.prefix(6))")
        let request: [String: Any] = ["runtime": "bash", "cmd": "echo hi"]
        let refusals: [([String: Any], String)] = [
            (["network": "host"], #"Tenant keys may not set options.network to "host" (allowed: none, filtered). The server config key tenantPolicy.allowedNetworks allows more."#),
            (["security": ["seccomp": "unconfined"]], #"Tenant keys may not set options.security.seccomp to "unconfined" (allowed: strict). The server config key tenantPolicy.allowedSeccomp allows more."#),
            (["security": ["seccomp": "custom"]], #"Tenant keys may not set options.security.seccomp to "custom" (allowed: strict). The server config key tenantPolicy.allowedSeccomp allows more."#),
            (["image": "debian:bookworm"], #"Tenant keys may not set options.image to "debian:bookworm" (allowed: isol8:*). The server config key tenantPolicy.allowedImages allows more."#),
            (["persist": true], "Tenant keys may not set options.persist: true. The server config key tenantPolicy.allowPersist: true allows it."),
        ]
        for (options, message) in refusals {
            for stream in [false, true] {
                let reply = try await tenant.execute(request, options: options, stream: stream)
                XCTAssertEqual(reply.status, 403, "\(options) stream=\(stream): \(reply.text)")
                XCTAssertEqual(reply.json["error"] as? String, message)
            }
        }
        let allowed = try await tenant.execute(request, options: ["network": "none", "image": "isol8:bash", "security": ["seccomp": "strict"], "persist": false])
        XCTAssertEqual(allowed.status, 200, allowed.text)
        XCTAssertEqual(allowed.json["stdout"] as? String, "hi")
        // The master key keeps every option.
        let masterRun = try await master.execute(request, options: ["security": ["seccomp": "unconfined"]])
        XCTAssertEqual(masterRun.status, 200, masterRun.text)
    }
}
