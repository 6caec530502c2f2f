import Foundation
import Isol8TestSupport
import XCTest

/// Nothing a test starts outlives the test process: not when it is killed outright, and
/// not when a test forgets to stop a helper (the suite then fails, naming it). Each case
/// runs this very test bundle again as a child, with `ISOL8_HELPER_CHILD` saying what the
/// child does, and watches what is left of it.
final class HelperLifetimeTests: XCTestCase {
    private static let childVariable = "ISOL8_HELPER_CHILD"

    func testHelpersDieWithAKilledTestProcess() throws {
        if let report = ProcessInfo.processInfo.environment[Self.childVariable + "_KILL"] {
            try startHelpersAndWait(report: report)
        }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-helpers-\(UUID().uuidString)").path
        let child = try HelperProcess(childCommand("testHelpersDieWithAKilledTestProcess"),
                                      environment: childEnvironment(Self.childVariable + "_KILL", report))
        defer { child.stop(timeout: 10) }
        let started = try Poll.until("the child to start its helpers", look: { try? String(contentsOfFile: report, encoding: .utf8) },
                                     holds: { $0?.hasSuffix("\n") == true }, describe: { _ in child.output + child.errors }) ?? ""
        let lines = started.split(separator: "\n").map(String.init)
        let serverPID = try XCTUnwrap(pid_t(lines.first ?? ""), started)
        let tmuxSocket = try XCTUnwrap(lines.last, started)
        XCTAssertEqual(kill(serverPID, 0), 0, "the child's server runs")
        XCTAssertEqual(try Spawn.run(["tmux", "-S", tmuxSocket, "has-session"]).status, 0, "the child's tmux server runs")

        XCTAssertEqual(kill(child.pid, SIGKILL), 0)
        try Poll.until("the killed child's web server and tmux server to be gone", look: {
            (kill(serverPID, 0) == 0, (try? Spawn.run(["tmux", "-S", tmuxSocket, "has-session"]).status) == 0)
        }, holds: { server, tmux in !server && !tmux })
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmuxSocket), "the watchdog removed the socket")
    }

    func testAHelperLeftRunningFailsTheSuiteAndIsStopped() throws {
        if let report = ProcessInfo.processInfo.environment[Self.childVariable + "_LEAK"] {
            // The forgetful test: starts a server and never stops it.
            let (server, _) = try LocalServers.startPythonServer(["-m", "http.server", "--bind", "127.0.0.1", "0"])
            try "\(server.pid)\n".write(toFile: report, atomically: true, encoding: .utf8)
            return
        }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-leak-\(UUID().uuidString)").path
        let child = try HelperProcess(childCommand("testAHelperLeftRunningFailsTheSuiteAndIsStopped"),
                                      environment: childEnvironment(Self.childVariable + "_LEAK", report))
        defer { child.stop(timeout: 10) }
        let status = child.waitForExit()
        XCTAssertEqual(status, 1, "the leak fails the run:\n\(child.output)\(child.errors)")
        XCTAssertTrue(child.output.contains("Executed 1 test, with 0 failures"), child.output)
        XCTAssertTrue(child.errors.contains("error: 1 helper process(es) started by the tests were still running when the suite ended"),
                      child.errors)
        XCTAssertTrue(child.errors.contains("http.server --bind 127.0.0.1 0"), child.errors)
        let pid = try XCTUnwrap(pid_t((try String(contentsOfFile: report, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertNotEqual(kill(pid, 0), 0, "the leaked server was stopped")
    }

    /// In the child: a web server and a tmux session, their pid and socket reported, then
    /// nothing until the parent kills it.
    private func startHelpersAndWait(report: String) throws -> Never {
        let (server, _) = try LocalServers.startPythonServer(["-m", "http.server", "--bind", "127.0.0.1", "0"])
        let tmux = try TmuxSession("sleep 600")
        try "\(server.pid)\n\(tmux.socketPath)\n".write(toFile: report, atomically: true, encoding: .utf8)
        while true { pause() }
    }

    /// This test bundle, running only `test`.
    private func childCommand(_ test: String) throws -> [String] {
        let bundle = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        return [bundle, "Isol8IntegrationTests.HelperLifetimeTests/\(test)"]
    }

    private func childEnvironment(_ variable: String, _ report: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment[variable] = report
        return environment
    }
}
