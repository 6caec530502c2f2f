import XCTest

/// `isol8 config` and config files as the real binary sees them.
final class ConfigCommandTests: XCTestCase {
    private func workspace(_ json: String?) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        if let json { try json.write(to: dir.appendingPathComponent("isol8.config.json"), atomically: true, encoding: .utf8) }
        return dir
    }

    private func run(_ args: [String], in dir: URL) throws -> CLI.Outcome {
        try CLI.run(args, environment: ["HOME": dir.path], directory: dir)
    }

    func testSourcesTableShowsDefaultFileAndFlag() throws {
        let dir = try workspace(#"{"defaults": {"timeoutMs": 7000, "memoryLimit": "128m"}}"#)
        let outcome = try run(["config", "--sources", "--memory", "1g"], in: dir)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let rows = outcome.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        XCTAssertTrue(rows.contains(["timeoutMs", "7000", "config", dir.appendingPathComponent("isol8.config.json").path]), outcome.stdout)
        XCTAssertTrue(rows.contains(["memoryLimit", "1g", "flag", "--memory"]), outcome.stdout)
        XCTAssertTrue(rows.contains(["pidsLimit", "64", "default"]), outcome.stdout)
    }

    func testConfigFileValuesReachTheRun() throws {
        let dir = try workspace(#"{"defaults": {"timeoutMs": 1000}}"#)
        let outcome = try run(["run", "-e", "import time; time.sleep(20)"], in: dir)
        XCTAssertEqual(outcome.status, 137, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("EXECUTION TIMED OUT"))
    }

    func testBrokenConfigFailsClearly() throws {
        let dir = try workspace("{ \"debug\": tru }")
        for args in [["config"], ["run", "-e", "print(1)"]] {
            let outcome = try run(args, in: dir)
            XCTAssertEqual(outcome.status, 1, "\(args)")
            XCTAssertTrue(outcome.stderr.hasPrefix("[ERR] Failed to parse config file \(dir.path)/isol8.config.json: "), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("line 1, column"), outcome.stderr)
        }
    }

    func testWrongTypeAndUnknownKey() throws {
        let bad = try run(["config"], in: try workspace(#"{"maxConcurrent": "ten"}"#))
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("\"maxConcurrent\" must be a whole number"), bad.stderr)
        let typo = try run(["config", "--json"], in: try workspace(#"{"maxConcurent": 2}"#))
        XCTAssertEqual(typo.status, 0)
        XCTAssertTrue(typo.stderr.contains("[WARN] Unknown config key \"maxConcurent\""), typo.stderr)
        XCTAssertTrue(typo.stderr.contains("did you mean \"maxConcurrent\"?"), typo.stderr)
    }

    func testSummaryLayout() throws {
        let outcome = try run(["config"], in: try workspace(nil))
        XCTAssertTrue(outcome.stdout.contains("  Source: defaults (no config file found)"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("  Timeout:         30000ms"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("  Max idle time:   3600000ms (60min)"), outcome.stdout)
    }
}
