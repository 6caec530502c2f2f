import Foundation
import Isol8Core
import Isol8Server
import XCTest

/// The real `isol8-tui` on an isol8 server target: a real `isol8 serve` on loopback, runs
/// through it, a live switch back to the local daemon, and bad URLs and keys.
final class ServerTargetEndToEndTests: XCTestCase {
    private static let key = "tui-target-\(UUID().uuidString.prefix(8))"
    private var server: Process?
    private var serverLog: URL!
    private var url = ""

    override func setUp() async throws {
        let port = try XCTUnwrap(PortResolver.freePort(host: "127.0.0.1"))
        url = "http://127.0.0.1:\(port)"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tui-target-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        serverLog = directory.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: serverLog.path, contents: nil)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: TmuxSession.products.appendingPathComponent("isol8").path)
        server.currentDirectoryURL = directory
        server.arguments = ["serve", "--port", String(port), "--key", Self.key, "--bind", "127.0.0.1", "--debug"]
        server.environment = ProcessInfo.processInfo.environment.merging(["HOME": directory.path]) { $1 }
        let log = try FileHandle(forWritingTo: serverLog)
        server.standardOutput = log
        server.standardError = log
        try server.run()
        self.server = server
        let engine = try RemoteEngine(host: url, apiKey: Self.key)
        let deadline = Date().addingTimeInterval(60)
        var answered = false
        while !answered, Date() < deadline, server.isRunning {
            answered = (try? await engine.serverVersion()) != nil
            if !answered { try await Task.sleep(nanoseconds: 50_000_000) }  // polling for the listener
        }
        XCTAssertTrue(answered, "isol8 serve did not answer at \(url): \(serverText)")
    }

    override func tearDown() {
        server?.terminate()
        server?.waitUntilExit()
    }

    private var serverText: String { (try? String(contentsOf: serverLog, encoding: .utf8)) ?? "" }

    private func runsOnServer() -> Int { serverText.components(separatedBy: "[Server] Code source:").count - 1 }

    private func status(_ screen: [String]) -> String { screen.count >= 2 ? screen[screen.count - 2] : "" }

    func testARunGoesThroughTheServerAndTargetLocalSendsTheNextOneToDocker() throws {
        let session = try TmuxSession("\(TmuxSession.binary) --host \(url) --key \(Self.key) -e 'print(\"hello from \" + \"a target\")'",
                                      in: self)
        try session.waitFor("the server target to answer") { $0.first.map { $0.contains(self.url) && $0.contains("isol8") } ?? false }
        try session.press("r")
        var screen = try session.waitFor("run #1 to exit") { self.status($0).contains("run #1: exit 0") }
        XCTAssertTrue(screen.contains { $0.contains("hello from a target") }, screen.joined(separator: "\n"))
        XCTAssertEqual(runsOnServer(), 1, "the run went through the server: \(serverText)")

        try session.press(":")
        try session.type("target local")
        try session.press("Enter")
        try session.waitFor("the switch") { self.status($0).contains("target local") }
        try session.waitFor("the local target to answer") { $0.first.map { $0.contains("local Docker") } ?? false }
        try session.press("r")
        screen = try session.waitFor("run #2 to exit") { self.status($0).contains("run #2: exit 0") }
        XCTAssertEqual(runsOnServer(), 1, "the second run stayed local")
        try session.press("q")
    }

    func testASessionTargetRunsInItsSessionAndTheContainerPaneInspectsIt() throws {
        let session = "tui-session-\(UUID().uuidString.prefix(6))"
        let tui = try TmuxSession("\(TmuxSession.binary) --host \(url) --key \(Self.key) --session-id \(session) "
                                  + "-e 'open(\"/sandbox/marker.txt\", \"a\").write(\"x\"); print(open(\"/sandbox/marker.txt\").read())'",
                                  in: self)
        try tui.waitFor("the server target to answer") { $0.first.map { $0.contains(self.url) && $0.contains("isol8") } ?? false }
        try tui.press("r")
        try tui.waitFor("run #1 to exit") { self.status($0).contains("run #1: exit 0") }
        try tui.press("r")
        let screen = try tui.waitFor("run #2 to exit") { self.status($0).contains("run #2: exit 0") }
        XCTAssertTrue(screen.contains { $0.contains("xx") }, "the second run saw the first one's file: \(screen.joined(separator: "\n"))")
        try tui.press("4")
        try tui.waitFor("the session's container in the Container pane") { $0.joined().contains("marker.txt") }
        try tui.press("q")
    }

    func testAWrongKeyOrURLIsAClearStatusAndTheUIStaysUp() throws {
        for (host, key, expected) in [(url, "wrong-key", "Invalid API key"), ("http://127.0.0.1:1", Self.key, "unreachable")] {
            let session = try TmuxSession("\(TmuxSession.binary) --host \(host) --key \(key) -e 'print(1)'", in: self)
            let screen = try session.waitFor("the probe to fail") { $0.first?.contains("unreachable") == true }
            XCTAssertTrue(status(screen).contains(expected), "\(host): \(status(screen))")
            try session.press("r")
            try session.waitFor("the run to fail with a message") { self.status($0).contains("run #1") }
            try session.press("q")
        }
    }
}
