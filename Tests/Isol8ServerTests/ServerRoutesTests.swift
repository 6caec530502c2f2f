import Foundation
import XCTest
import Isol8Core

/// Every route of compat §6.5 against one real `isol8 serve` (maxConcurrent 3, 1 MiB body
/// limit, prune off) and real Docker.
final class ServerRoutesTests: SharedServerTestCase {
    override class var serverConfig: String { #"{"maxConcurrent": 3, "cleanup": {"autoPrune": false}}"# }
    override class var serverEnvironment: [String: String] { ["ISOL8_MAX_BODY_BYTES": "1048576"] }
    var client: HTTPClient { HTTPClient(baseURL: server.baseURL) }

    static let protectedRoutes: [(String, String)] = [
        ("POST", "/execute"), ("POST", "/execute/stream"), ("GET", "/execute/ws"), ("POST", "/file"),
        ("GET", "/file?sessionId=x&path=/sandbox/a"), ("GET", "/sessions"), ("DELETE", "/session/x"), ("POST", "/cleanup"),
        ("GET", "/no-such-route"),
    ]

    // MARK: health and auth

    func testHealthIsPublicAndReportsTheVersion() async throws {
        var anonymous = client
        anonymous.authorization = nil
        let reply = try await anonymous.call("GET", "/health")
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.text, #"{"status":"ok","version":"\#(try CLIRun.version())"}"#)
    }

    func testEveryProtectedRouteAnswers401WithoutTheHeader() async throws {
        var anonymous = client
        anonymous.authorization = nil
        for (method, path) in Self.protectedRoutes {
            let reply = try await anonymous.call(method, path, body: Data("{}".utf8))
            XCTAssertEqual(reply.status, 401, "\(method) \(path)")
            XCTAssertEqual(reply.text, #"{"error":"Missing Authorization header"}"#, "\(method) \(path)")
        }
    }

    func testEveryProtectedRouteAnswers403ForAWrongKey() async throws {
        var wrong = client
        wrong.authorization = "Bearer \(ServerProcess.apiKey)x"
        for (method, path) in Self.protectedRoutes {
            let reply = try await wrong.call(method, path, body: Data("{}".utf8))
            XCTAssertEqual(reply.status, 403, "\(method) \(path)")
            XCTAssertEqual(reply.text, #"{"error":"Invalid API key"}"#, "\(method) \(path)")
        }
    }

    func testRawKeyAndLowercaseBearerAreAccepted() async throws {
        for header in [ServerProcess.apiKey, "bearer \(ServerProcess.apiKey)", "BEARER   \(ServerProcess.apiKey)"] {
            var other = client
            other.authorization = header
            let status = try await other.call("GET", "/sessions").status
            XCTAssertEqual(status, 200, header)
        }
    }

    func testUnknownRouteIs404AfterAuth() async throws {
        let reply = try await client.call("GET", "/no-such-route")
        XCTAssertEqual(reply.status, 404)
        XCTAssertEqual(reply.json["error"] as? String, "Not Found")
    }

    // MARK: /execute

    func testExecuteReturnsTheResultInSpecKeyOrder() async throws {
        let reply = try await client.execute(["runtime": "python", "code": "print('hi')\nimport sys; print('warn', file=sys.stderr)"])
        XCTAssertEqual(reply.status, 200, reply.text)
        XCTAssertTrue(reply.text.hasPrefix(#"{"stdout":"hi","stderr":"warn","exitCode":0,"durationMs":"#), reply.text)
        let keys = ["\"stdout\"", "\"stderr\"", "\"exitCode\"", "\"durationMs\"", "\"truncated\"", "\"executionId\"",
                    "\"runtime\":\"python\"", "\"timestamp\"", "\"containerId\""]
        let positions = keys.map { reply.text.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil), reply.text)
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted(), reply.text)
    }

    func testExecuteAppliesRequestOptions() async throws {
        let reply = try await client.execute(["runtime": "bash", "cmd": "echo $TOKEN"], options: ["secrets": ["TOKEN": "s3cret"]])
        XCTAssertEqual(reply.status, 200, reply.text)
        XCTAssertEqual(reply.json["stdout"] as? String, "***")
    }

    func testExecuteEngineErrorIs500JSON() async throws {
        let reply = try await client.execute(["runtime": "cobol", "code": "x"])
        XCTAssertEqual(reply.status, 500)
        XCTAssertEqual(reply.text, #"{"error":"Unknown runtime: \"cobol\". Available: python, node, bun, deno, bash, agent"}"#)
    }

    func testMalformedJSONIs400JSON() async throws {
        let reply = try await client.call("POST", "/execute", body: Data("{not json".utf8))
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.json["error"] as? String, "Malformed JSON body")
    }

    func testMissingRequestIs400JSON() async throws {
        let reply = try await client.call("POST", "/execute", json: ["options": [:]])
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.json["error"] as? String, "Missing \"request\" in body")
    }

    func testOversizedBodyIs413AndNamesTheLimit() async throws {
        let code = String(repeating: "#", count: 2 * 1024 * 1024)
        let reply = try await client.execute(["runtime": "python", "code": code])
        XCTAssertEqual(reply.status, 413)
        XCTAssertEqual(reply.json["error"] as? String, "Request body too large (limit 1048576 bytes)")
    }

    // MARK: /execute/stream

    func testStreamFramesAreByteExactAndExitComesLast() async throws {
        // One write per line: the engine runs python unbuffered, so print() would write "0" and "\n" apart.
        let code = "import sys, time\nfor i in range(3):\n    sys.stdout.write(f'{i}\\n')\n    time.sleep(0.3)"
        let reply = try await client.execute(["runtime": "python", "code": code], stream: true)
        XCTAssertEqual(reply.status, 200)
        // How the output is cut into chunks is the machine's business (a busy one may join two
        // writes); each frame's bytes are not. Heartbeat comments (`: ping`) may come between frames.
        var frames = reply.text.replacingOccurrences(of: ": ping\n\n", with: "").components(separatedBy: "\n\n")
        XCTAssertEqual(frames.removeLast(), "", "the body ends with a whole frame: \(reply.text)")
        XCTAssertEqual(frames.removeLast(), #"data: {"type":"exit","data":"0","phase":"code"}"#, reply.text)
        let chunks = try frames.map { frame -> String in
            let prefix = #"data: {"type":"stdout","data":""#, suffix = #"","phase":"code"}"#
            XCTAssertTrue(frame.hasPrefix(prefix) && frame.hasSuffix(suffix), frame)
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data("\"\(frame.dropFirst(prefix.count).dropLast(suffix.count))\"".utf8),
                                                             options: .fragmentsAllowed) as? String)
        }
        XCTAssertEqual(chunks.joined(), "0\n1\n2\n", reply.text)
    }

    func testStreamedSetupScriptEndsItsPhaseWithItsOwnExitFrame() async throws {
        let reply = try await client.execute(["runtime": "bash", "cmd": "echo code", "setupScript": "echo setup"], stream: true)
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.text.replacingOccurrences(of: ": ping\n\n", with: ""), """
            data: {"type":"stdout","data":"setup\\n","phase":"setup"}

            data: {"type":"exit","data":"0","phase":"setup"}

            data: {"type":"stdout","data":"code\\n","phase":"code"}

            data: {"type":"exit","data":"0","phase":"code"}


            """)
    }

    func testStreamHeaders() throws {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-i", "-X", "POST", "-H", "Authorization: Bearer \(ServerProcess.apiKey)",
                          "--data", #"{"request":{"runtime":"python","code":"print(1)"}}"#, server.baseURL + "/execute/stream"]
        let pipe = Pipe()
        curl.standardOutput = pipe
        try curl.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).lowercased()
        curl.waitUntilExit()
        XCTAssertTrue(text.hasPrefix("http/1.1 200"), text)
        XCTAssertTrue(text.contains("content-type: text/event-stream"), text)
        XCTAssertTrue(text.contains("cache-control: no-cache"), text)
    }

    func testStreamUnknownRuntimeIsOneErrorFrame() async throws {
        let reply = try await client.execute(["runtime": "cobol", "code": "x"], stream: true)
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.text, "data: {\"type\":\"error\",\"data\":\"Unknown runtime: \\\"cobol\\\". Available: python, node, bun, deno, bash, agent\"}\n\n")
    }

    func testStreamHonoursSessionId() async throws {
        let id = "stream-\(UUID().uuidString.prefix(8))"
        let first = try await client.execute(["runtime": "bash", "cmd": "echo kept > /sandbox/kept.txt"], sessionId: id, stream: true)
        XCTAssertTrue(first.text.hasSuffix("data: {\"type\":\"exit\",\"data\":\"0\",\"phase\":\"code\"}\n\n"), first.text)
        let second = try await client.execute(["runtime": "bash", "cmd": "cat /sandbox/kept.txt"], sessionId: id)
        XCTAssertEqual(second.json["stdout"] as? String, "kept")
        XCTAssertTrue(server.output.contains("[Server] Creating new session for stream: \(id)"))
        _ = try await client.call("DELETE", "/session/\(id)")
    }

    // MARK: sessions and files

    func testSessionLifecycle() async throws {
        let id = "life-\(UUID().uuidString.prefix(8))"
        let first = try await client.execute(["runtime": "python", "code": "open('/sandbox/note.txt','w').write('from call 1')"], sessionId: id)
        XCTAssertEqual(first.status, 200, first.text)
        let second = try await client.execute(["runtime": "python", "code": "print(open('/sandbox/note.txt').read())"], sessionId: id)
        XCTAssertEqual(second.json["stdout"] as? String, "from call 1")
        XCTAssertEqual(first.json["containerId"] as? String, second.json["containerId"] as? String)
        let log = server.output
        let created = try XCTUnwrap(log.range(of: "[DEBUG] [Server] Creating new session: \(id)"))
        let reused = try XCTUnwrap(log.range(of: "[DEBUG] [Server] Reusing existing session: \(id)"))
        XCTAssertLessThan(created.lowerBound, reused.lowerBound)

        let listing = try await client.call("GET", "/sessions")
        let sessions = try XCTUnwrap(listing.json["sessions"] as? [[String: Any]])
        let entry = try XCTUnwrap(sessions.first { $0["id"] as? String == id })
        XCTAssertEqual(entry["isActive"] as? Bool, false)
        XCTAssertNotNil((entry["lastAccessedAt"] as? String).flatMap { ISO8601DateFormatter.withMilliseconds.date(from: $0) })

        let bytes = Data((0..<256).map { UInt8($0) } + [0, 0xFF, 0x0A, 0x0D])
        let upload = try await client.call("POST", "/file", json: ["sessionId": id, "path": "/sandbox/bin.dat", "content": bytes.base64EncodedString()])
        XCTAssertEqual(upload.status, 200)
        XCTAssertEqual(upload.text, #"{"ok":true}"#)
        let download = try await client.call("GET", "/file?sessionId=\(id)&path=/sandbox/bin.dat")
        XCTAssertEqual(download.status, 200)
        XCTAssertEqual((download.json["content"] as? String).flatMap { Data(base64Encoded: $0) }, bytes)
        let size = try await client.execute(["runtime": "python", "code": "import os; print(os.path.getsize('/sandbox/bin.dat'))"], sessionId: id)
        XCTAssertEqual(size.json["stdout"] as? String, "260", size.text)
        let locked = try await client.execute(["runtime": "bash", "cmd": "true"], sessionId: id)
        XCTAssertEqual(locked.status, 500)
        XCTAssertEqual(locked.json["error"] as? String, Isol8Error.runtimeLocked(from: .python, to: .bash).description)

        let missing = try await client.call("GET", "/file?sessionId=\(id)&path=/sandbox/nope.txt")
        XCTAssertEqual(missing.status, 404, missing.text)

        let deleted = try await client.call("DELETE", "/session/\(id)")
        XCTAssertEqual(deleted.text, #"{"ok":true}"#)
        XCTAssertTrue(server.waitForOutput("[Server] Session destroyed: \(id)"))
        let gone = try await client.call("GET", "/file?sessionId=\(id)&path=/sandbox/bin.dat")
        XCTAssertEqual(gone.status, 404)
        XCTAssertEqual(gone.text, #"{"error":"Session not found"}"#)
        let after = try await client.call("GET", "/sessions")
        XCTAssertFalse(after.text.contains(id))
        let again = try await client.call("DELETE", "/session/\(id)")
        XCTAssertEqual(again.status, 200)
        XCTAssertTrue(server.waitForOutput("[Server] Session not found (already cleaned up): \(id)"))
    }

    func testFileRouteErrors() async throws {
        let noParams = try await client.call("GET", "/file?sessionId=x")
        XCTAssertEqual(noParams.status, 400)
        XCTAssertEqual(noParams.text, #"{"error":"Missing sessionId or path"}"#)
        let upload = try await client.call("POST", "/file", json: ["sessionId": "nobody", "path": "/sandbox/a", "content": "aGk="])
        XCTAssertEqual(upload.status, 404)
        XCTAssertEqual(upload.text, #"{"error":"Session not found"}"#)
    }

    // MARK: WebSocket

    func testWebSocketExecuteStreamsEventsThenCloses1000() throws {
        let socket = try RawWebSocket(port: server.port, path: "/execute/ws", authorization: "Bearer \(ServerProcess.apiKey)")
        XCTAssertTrue(socket.upgraded, socket.statusLine)
        try socket.sendText(#"{"type":"stdin","data":"ignored"}"#)
        try socket.sendText(#"{"type":"execute","request":{"runtime":"python","code":"print('ws')"}}"#)
        let closed = try socket.readUntilClose()
        // The daemon may split "ws" and "\n" into two frames: compare the joined stdout.
        let events = closed.messages.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
        XCTAssertEqual(events.count, closed.messages.count, "every message is a StreamEvent object")
        XCTAssertEqual(events.filter { $0["type"] == "stdout" }.compactMap { $0["data"] }.joined(), "ws\n")
        XCTAssertTrue(closed.messages.dropLast().allSatisfy { $0.hasPrefix(#"{"type":"stdout","data":"#) && $0.hasSuffix(#","phase":"code"}"#) })
        XCTAssertEqual(closed.messages.last, #"{"type":"exit","data":"0","phase":"code"}"#)
        XCTAssertEqual(closed.closeCode, 1000)
        XCTAssertEqual(closed.reason, "Execution complete")
    }

    func testWebSocketUnknownTypeKeepsTheConnectionOpen() throws {
        let socket = try RawWebSocket(port: server.port, path: "/execute/ws", authorization: "Bearer \(ServerProcess.apiKey)")
        try socket.sendText(#"{"type":"dance"}"#)
        let first = try socket.readUntilClose(stopAfter: 1)
        XCTAssertEqual(first.messages, [#"{"type":"error","data":"Unknown message type: dance"}"#])
        try socket.sendText(#"{"type":"execute","request":{"runtime":"bash","cmd":"exit 4"}}"#)
        let rest = try socket.readUntilClose()
        XCTAssertEqual(rest.messages.last, #"{"type":"exit","data":"4","phase":"code"}"#)
        XCTAssertEqual(rest.closeCode, 1000)
    }

    func testWebSocketInvalidJSONCloses1003() throws {
        let socket = try RawWebSocket(port: server.port, path: "/execute/ws", authorization: "Bearer \(ServerProcess.apiKey)")
        try socket.sendText("{oops")
        let closed = try socket.readUntilClose()
        XCTAssertEqual(closed.messages, [#"{"type":"error","data":"Invalid JSON message"}"#])
        XCTAssertEqual(closed.closeCode, 1003)
        XCTAssertEqual(closed.reason, "Invalid JSON")
    }

    /// The upgrade is refused before it happens, with the same answers a plain request gets.
    func testWebSocketUpgradeNeedsTheKey() throws {
        let anonymous = try RawWebSocket(port: server.port, path: "/execute/ws", authorization: nil)
        XCTAssertEqual(anonymous.statusLine, "HTTP/1.1 401 Unauthorized")
        XCTAssertEqual(anonymous.refusalBody, #"{"error":"Missing Authorization header"}"#)
        let wrong = try RawWebSocket(port: server.port, path: "/execute/ws", authorization: "Bearer nope")
        XCTAssertEqual(wrong.statusLine, "HTTP/1.1 403 Forbidden")
        XCTAssertEqual(wrong.refusalBody, #"{"error":"Invalid API key"}"#)
        let right = try RawWebSocket(port: server.port, path: "/execute/ws", authorization: "Bearer \(ServerProcess.apiKey)")
        XCTAssertTrue(right.upgraded, right.statusLine)
    }

    func testWebSocketUpgradeOfAnUnknownPathIs404JSON() throws {
        let socket = try RawWebSocket(port: server.port, path: "/no-such-socket", authorization: "Bearer \(ServerProcess.apiKey)")
        XCTAssertEqual(socket.statusLine, "HTTP/1.1 404 Not Found")
        XCTAssertEqual(socket.refusalBody, #"{"error":"Not Found"}"#)
    }

    // MARK: global semaphore

    func testTwelveParallelExecutionsNeverRunMoreThanThreeAtOnce() async throws {
        let mark = server.output.count
        // Long enough that the first three still run when the last requests arrive, even on a busy machine.
        let code = "import time; time.sleep(1.5); print('done')"
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<12 { group.addTask { try await self.client.execute(["runtime": "python", "code": code]).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(statuses, Array(repeating: 200, count: 12))
        XCTAssertTrue(server.waitForOutput("[Server] Cleaning up ephemeral engine"))
        let lines = String(server.output.dropFirst(mark)).split(separator: "\n")
        var running = 0, peak = 0, acquired = 0
        for line in lines {
            if line.hasSuffix("[Server] Semaphore acquired for /execute") { running += 1; acquired += 1 }
            if line.hasSuffix("[Server] Semaphore released for /execute") { running -= 1 }
            peak = max(peak, running)
        }
        XCTAssertEqual(acquired, 12)
        XCTAssertEqual(peak, 3, "at most maxConcurrent=3 executions, and the limit was reached")
        XCTAssertEqual(lines.filter { $0.hasSuffix("[Server] Acquiring semaphore for /execute") }.count, 12)
    }
}

extension ISO8601DateFormatter {
    static var withMilliseconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
