import XCTest
@testable import Isol8Core

/// Files, setup scripts, audit and resource usage through the real engine.
final class EngineFeatureTests: XCTestCase {
    func testOutputPathsComeBackAsBase64AndMissingOnesAreSkipped() async throws {
        let engine = try DockerEngine()
        var request = ExecutionRequest(runtime: .python, code: "open('/sandbox/out.bin','wb').write(bytes(range(256)))\nopen('/tmp/t.txt','w').write('tmp')")
        request.outputPaths = ["/sandbox/out.bin", "/tmp/t.txt", "/sandbox/missing.txt"]
        let result = try await engine.execute(request)
        await engine.stop()
        XCTAssertEqual(result.files?.keys.sorted(), ["/sandbox/out.bin", "/tmp/t.txt"])
        XCTAssertEqual(Data(base64Encoded: result.files?["/sandbox/out.bin"] ?? ""), Data((0...255).map { UInt8($0) }))
        XCTAssertEqual(Data(base64Encoded: result.files?["/tmp/t.txt"] ?? ""), Data("tmp".utf8))
    }

    func testRequestFilesAreWrittenWithParentDirectories() async throws {
        let engine = try DockerEngine()
        var request = ExecutionRequest(runtime: .bash, code: "cat /sandbox/a/b/c.txt; cat data.txt")
        request.files = ["/sandbox/a/b/c.txt": "deep\n", "data.txt": "relative\n"]
        let result = try await engine.execute(request)
        await engine.stop()
        XCTAssertEqual(result.stdout, "deep\nrelative")
    }

    func testFilesDirectoryFlagSkipsTheSkipList() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-files-\(UUID().uuidString)")
        for (path, text) in [("main.py", "import helper; helper.hi()"), ("helper.py", "def hi(): print(open('data/in.txt').read())"),
                             ("data/in.txt", "nested ok"), ("node_modules/x.js", "no"), (".git/HEAD", "no")] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let outcome = try CLI.run(["run", "--files", root.path, "--no-stream", "-e", "import os, helper\nhelper.hi()\nprint(sorted(os.listdir('/sandbox')))"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("nested ok\n"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("node_modules"))
        XCTAssertFalse(outcome.stdout.contains(".git"))
        let notDir = try CLI.run(["run", "--files", "/etc/hostname", "-e", "1"])
        XCTAssertEqual(notDir.stderr, "[ERR] --files path is not a directory: /etc/hostname\n")
    }

    func testOutFlagWritesStdout() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-out-\(UUID().uuidString).txt")
        let outcome = try CLI.run(["run", "--no-stream", "--out", out.path, "-e", "print('to file')"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.contains("[Run] Output written to \(out.path)"))
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "to file")
    }

    func testSetupScriptRunsFirstWithEnvAndMaskedSecrets() async throws {
        var options = Isol8Options()
        options.secrets = ["KEY": "topsecret"]
        let engine = try DockerEngine(options: options)
        var request = ExecutionRequest(runtime: .python, code: "print(open('/sandbox/prepared.txt').read())")
        request.setupScript = "echo \"$GREETING\" > /sandbox/prepared.txt; echo setup sees $KEY"
        request.env = ["GREETING": "prepared by setup"]
        var events = [StreamEvent]()
        for try await event in engine.executeStream(request) { events.append(event) }
        await engine.stop()
        XCTAssertEqual(events.filter { $0.phase == .setup && $0.type == .stdout }.map(\.data).joined(), "setup sees ***\n")
        XCTAssertEqual(events.filter { $0.phase == .code && $0.type == .stdout }.map(\.data).joined(), "prepared by setup\n\n")
        XCTAssertEqual(events.last, StreamEvent(.exit, "0"))
    }

    func testSetupScriptFailureStopsTheRun() async throws {
        let engine = try DockerEngine()
        var request = ExecutionRequest(runtime: .python, code: "print('never')")
        request.setupScript = "echo broken >&2; exit 4"
        do {
            _ = try await engine.execute(request)
            XCTFail("setup failure must throw")
        } catch {
            XCTAssertEqual("\(error)", "Setup script failed (exit code 4): broken")
        }
        var events = [StreamEvent]()
        for try await event in engine.executeStream(request) { events.append(event) }
        await engine.stop()
        XCTAssertEqual(Array(events.suffix(2)), [StreamEvent(.error, "Setup script failed (exit code 4)", phase: .setup),
                                                   StreamEvent(.exit, "4", phase: .setup)])
        XCTAssertFalse(events.contains { $0.data.contains("never") })
    }

    func testSetupScriptTimeout() throws {
        let outcome = try CLI.run(["run", "--no-stream", "--timeout", "1000", "--setup", "sleep 30", "-e", "print(1)"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("[ERR] Setup script failed (exit code 137)"), outcome.stderr)
    }

    func testAuditRecordAndResourceUsage() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-audit-\(UUID().uuidString)")
        var audit = AuditConfig()
        audit.enabled = true
        audit.logDir = dir.path
        audit.includeCode = true
        var options = Isol8Options()
        options.audit = audit
        let engine = try DockerEngine(options: options)
        var request = ExecutionRequest(runtime: .python, code: "x = bytearray(50_000_000); print(len(x))")
        request.metadata = ["userId": "alice"]
        let result = try await engine.execute(request)
        await engine.stop()
        let usage = try XCTUnwrap(result.resourceUsage)
        XCTAssertGreaterThanOrEqual(usage.memoryMB, 0)
        XCTAssertGreaterThan(usage.cpuPercent, 0)
        let lines = try String(contentsOf: dir.appendingPathComponent("executions.log"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(record["executionId"] as? String, result.executionId)
        XCTAssertEqual(record["userId"] as? String, "alice")
        XCTAssertEqual(record["runtime"] as? String, "python")
        XCTAssertEqual((record["codeHash"] as? String)?.count, 64)
        XCTAssertEqual(record["containerId"] as? String, result.containerId)
        XCTAssertEqual(record["exitCode"] as? Int, 0)
        XCTAssertNotNil(record["resourceUsage"] as? [String: Any])
        XCTAssertEqual(record["code"] as? String, request.code)
        XCTAssertNil(record["stdout"], "includeOutput is off")
    }

    func testNoResourceUsageWithoutAudit() async throws {
        let engine = try DockerEngine()
        let result = try await engine.execute(ExecutionRequest(runtime: .python, code: "print(1)"))
        await engine.stop()
        XCTAssertNil(result.resourceUsage)
    }
}
