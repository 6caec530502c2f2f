import Foundation
import Isol8Core
import Isol8Server
import Isol8TestSupport
import XCTest

/// The real `isol8-tui` on an isol8 server target: a real `isol8 serve` on loopback, runs
/// through it with the server's debug lines in the Debug pane, a live switch back to the local
/// daemon, and bad URLs and keys.
final class ServerTargetEndToEndTests: XCTestCase {
    private static let key = "tui-target-\(UUID().uuidString.prefix(8))"
    private var server: HelperProcess?
    private var url = ""

    override func setUp() async throws {
        let port = try XCTUnwrap(PortResolver.freePort(host: "127.0.0.1"))
        url = "http://127.0.0.1:\(port)"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tui-target-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let server = try HelperProcess([BuiltProduct.path("isol8"), "serve", "--port", String(port), "--key", Self.key, "--bind", "127.0.0.1", "--debug"],
                                       directory: directory.path,
                                       environment: ProcessInfo.processInfo.environment.merging(["HOME": directory.path]) { $1 })
        self.server = server
        let engine = try RemoteEngine(host: url, apiKey: Self.key)
        try await Poll.until("isol8 serve to answer at \(url)", look: { () async -> (String?, Int32?) in
            ((try? await engine.serverVersion()), server.exitStatus)
        }, holds: { version, exited in
            if let exited { throw Spawn.Failed(argv: server.argv, reason: "exited \(exited): \(self.serverText)") }
            return version != nil
        }, describe: { _ in self.serverText })
    }

    override func tearDown() {
        server?.stop()
    }

    private var serverText: String { (server?.output ?? "") + (server?.errors ?? "") }

    /// The debugger in a 120×40 window of its own.
    private func tui(_ arguments: String) throws -> TmuxSession {
        try TmuxSession("\(BuiltProduct.path("isol8-tui")) \(arguments)", width: 120, height: 40,
                        directory: BuiltProduct.repositoryRoot, in: self)
    }

    private func runsOnServer() -> Int { serverText.components(separatedBy: "[Server] Code source:").count - 1 }

    private func status(_ screen: [String]) -> String { screen.count >= 2 ? screen[screen.count - 2] : "" }

    func testTheCopiedCurlRequestGivesTheServerTheTUIsRunAndItsResult() throws {
        let code = "import sys; print(sys.stdin.read().upper()); sys.exit(3)"
        let session = try tui("--host \(url) --key \(Self.key) -e '\(code)'")
        try session.waitFor("the server target to answer") { $0.first.map { $0.contains(self.url) && $0.contains("isol8") } ?? false }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-curl-\(UUID().uuidString).sh").path
        defer { try? FileManager.default.removeItem(atPath: script) }
        for command in ["stdin it is me", "set memory 64m", "copy curl \(script)"] {
            try session.press(":")
            try session.type(command)
            try session.press("Enter")
        }
        try session.press("r")
        try session.waitFor("the TUI's run: exit 3 and the upper-cased stdin, and the copy written") {
            self.status($0).contains("run #1: exit 3") && $0.contains { $0.contains("IT IS ME") }
        }
        try session.press("q")

        let request = try String(contentsOfFile: script, encoding: .utf8)
        let curl: (status: Int32, output: String)
        do {
            curl = try Spawn.run(["/bin/sh", "-c", "ISOL8_HOST=\(url) ISOL8_API_KEY=\(Self.key); . \(script)"], capture: true)
        } catch {
            // If the server stops answering, its log says where it stopped.
            return XCTFail("\(error)\nthe server's log:\n\(serverText)")
        }
        XCTAssertEqual(curl.status, 0, request)
        let result = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(curl.output.utf8)) as? [String: Any], curl.output)
        // /execute trims the trailing newline the TUI shows as the end of the line.
        XCTAssertEqual(result["stdout"] as? String, "IT IS ME", curl.output)
        XCTAssertEqual(result["exitCode"] as? Int, 3, curl.output)
        XCTAssertTrue(request.contains(#""memoryLimit":"64m""#), request)
    }

    func testARunGoesThroughTheServerAndTargetLocalSendsTheNextOneToDocker() throws {
        let session = try tui("--host \(url) --key \(Self.key) -e 'print(\"hello from \" + \"a target\")'")
        try session.waitFor("the server target to answer") { $0.first.map { $0.contains(self.url) && $0.contains("isol8") } ?? false }
        try session.press("r")
        try session.waitFor("run #1 to exit with its output") {
            self.status($0).contains("run #1: exit 0") && $0.contains { $0.contains("hello from a target") }
        }
        XCTAssertEqual(runsOnServer(), 1, "the run went through the server: \(serverText)")
        try session.press("6")
        try session.waitFor("the server's own debug line about the run in the Debug pane") {
            $0.contains { $0.contains("[DEBUG] [Server] Code source:") }
        }

        try session.press(":")
        try session.type("target local")
        try session.press("Enter")
        try session.waitFor("the switch") { self.status($0).contains("target local") }
        try session.waitFor("the local target to answer") { $0.first.map { $0.contains("local Docker") } ?? false }
        try session.press("r")
        try session.waitFor("run #2 to exit") { self.status($0).contains("run #2: exit 0") }
        XCTAssertEqual(runsOnServer(), 1, "the second run stayed local")
        try session.press("q")
    }

    func testASessionTargetRunsInItsSessionAndTheContainerPaneInspectsIt() throws {
        let session = "tui-session-\(UUID().uuidString.prefix(6))"
        let tui = try tui("--host \(url) --key \(Self.key) --session-id \(session) "
                          + "-e 'open(\"/sandbox/marker.txt\", \"a\").write(\"x\"); print(open(\"/sandbox/marker.txt\").read())'")
        try tui.waitFor("the server target to answer, and the session not there yet") { rows in
            (rows.first.map { $0.contains(self.url) && $0.contains("isol8") } ?? false)
                && self.status(rows).contains("session \(session) is not on") && self.status(rows).contains("the first run makes it")
        }
        try tui.press("r")
        try tui.waitFor("run #1 to exit, and the screen attached to the session it made") { rows in
            rows.first?.contains("attached \(session)") == true
        }
        try tui.press("r")
        // The second run saw the first one's file.
        try tui.waitFor("run #2 to exit with xx") { self.status($0).contains("run #2: exit 0") && $0.contains { $0.contains("xx") } }
        try tui.press("4")
        try tui.waitFor("the session's container in the Container pane") { $0.joined().contains("marker.txt") }
        try tui.press("q")
    }

    func testAWrongKeyOrURLIsAClearStatusAndTheUIStaysUp() throws {
        for (host, key, expected) in [(url, "wrong-key", "Invalid API key"), ("http://127.0.0.1:1", Self.key, "unreachable")] {
            let session = try tui("--host \(host) --key \(key) -e 'print(1)'")
            try session.waitFor("the probe to fail with \(expected) in the status line") {
                $0.first?.contains("unreachable") == true && self.status($0).contains(expected)
            }
            try session.press("r")
            try session.waitFor("the run to fail with a message") { self.status($0).contains("run #1") }
            try session.press("q")
        }
    }
}
