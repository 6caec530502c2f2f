import XCTest
@testable import Isol8Core

/// Texts and checks of the isol8 CLI that scripts rely on.
final class CompatibilityTests: XCTestCase {
    func testDebugPrintsWholeCPUCountsWithoutDecimals() throws {
        for (flag, shown) in [("1", "1"), ("2", "2"), ("0.5", "0.5")] {
            let outcome = try CLI.run(["run", "--debug", "--no-stream", "--cpu", flag, "-e", "print(1)"])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("[DEBUG] [Run] Memory: 512m, CPU: \(shown)\n"), outcome.stderr)
        }
    }

    func testLocalPersistentRunPrintsItsSessionId() throws {
        let outcome = try CLI.run(["run", "--persistent", "-e", "print('ran')"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.count, 3, outcome.stdout)
        XCTAssertTrue(lines[0].hasPrefix("[Run] Session ID: cli-"), outcome.stdout)
        let millis = Int(lines[0].dropFirst("[Run] Session ID: cli-".count)) ?? 0
        XCTAssertLessThan(abs(Double(millis) / 1000 - Date().timeIntervalSince1970), 600, lines[0])
        XCTAssertEqual(Array(lines.dropFirst()), ["ran", ""])
        let ephemeral = try CLI.run(["run", "-e", "print('ran')"])
        XCTAssertEqual(ephemeral.stdout, "ran\n")
    }

    /// There is no `isol8:agent` image here, so reaching the image lookup would fail with
    /// "Image isol8:agent not found": the network messages show the checks came first.
    func testAgentRuntimeChecksItsNetworkBeforeNeedingAnImage() async throws {
        let outcomes = [try CLI.run(["run", "-r", "agent", "-e", "write a haiku"]),
                        try CLI.run(["run", "-r", "agent", "--net", "filtered", "-e", "write a haiku"])]
        XCTAssertEqual(outcomes.map(\.status), [1, 1])
        XCTAssertEqual(outcomes[0].stderr, "[ERR] Agent runtime requires network access. The AI coding agent needs to reach its LLM provider API. Use --net host, or --net filtered --allow \"api.anthropic.com\" (or your provider's domain).\n")
        XCTAssertEqual(outcomes[1].stderr, "[ERR] Agent runtime requires at least one network whitelist entry. The AI coding agent needs to reach its LLM provider API. Use --allow \"api.anthropic.com\" (or your provider's domain).\n")

        let engine = try DockerEngine()
        do {
            _ = try await engine.execute(ExecutionRequest(runtime: .agent, code: "write a haiku"))
            XCTFail("the agent ran without a network")
        } catch {
            XCTAssertEqual(error as? Isol8Error, .agentNeedsNetwork)
        }
        await engine.stop()
    }

    func testBuildListsEveryRuntimeAndExplainsTheAgentImage() throws {
        let unknown = try CLI.run(["build", "--base", "ruby", "--tag", "x:y", "--install", "z"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "[ERR] Invalid runtime: ruby. Expected one of: python, node, bun, deno, bash, agent\n")
        let agent = try CLI.run(["build", "--base", "agent", "--tag", "x:y", "--install", "z"])
        XCTAssertEqual(agent.status, 1)
        XCTAssertEqual(agent.stderr, "[ERR] The agent base image cannot be built offline (it needs the npm registry). Use one of: python, node, bun, deno, bash.\n")
    }

    func testCutOffConfigFileNamesLineAndColumn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-cut-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "{\n  \"debug\": true".write(to: directory.appendingPathComponent("isol8.config.json"), atomically: true, encoding: .utf8)
        let outcome = try CLI.run(["config"], directory: directory)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "[ERR] Failed to parse config file \(directory.path)/isol8.config.json: unexpected end of input, expected ',' or '}' at line 2, column 16\n")
    }
}
