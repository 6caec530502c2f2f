import XCTest
import Isol8TestSupport
@testable import Isol8Core

final class ConfigTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func loader(writing json: String?) throws -> ConfigLoader {
        if let json { try json.write(to: directory.appendingPathComponent("isol8.config.json"), atomically: true, encoding: .utf8) }
        return ConfigLoader(directory: directory.path, home: directory.appendingPathComponent("home").path)
    }

    func testNoFileMeansDefaults() throws {
        let loaded = try loader(writing: nil).load()
        XCTAssertNil(loaded.path)
        XCTAssertEqual(loaded.config, Isol8Config())
        XCTAssertEqual(loaded.config.remoteCode.blockedHosts.count, 10)
    }

    func testHomeConfigIsFoundWhenNoLocalOne() throws {
        let home = directory.appendingPathComponent("home/.isol8")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try #"{"maxConcurrent": 3}"#.write(to: home.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        let loaded = try loader(writing: nil).load()
        XCTAssertEqual(loaded.config.maxConcurrent, 3)
        XCTAssertEqual(loaded.path, home.appendingPathComponent("config.json").path)
    }

    func testFileValuesMergeShallowlyAndArraysReplace() throws {
        let loaded = try loader(writing: #"{"$schema": "x", "defaults": {"timeoutMs": 5000}, "network": {"whitelist": ["^a$"]}, "poolSize": 3}"#).load()
        XCTAssertEqual(loaded.config.defaults.timeoutMs, 5000)
        XCTAssertEqual(loaded.config.defaults.memoryLimit, "512m")
        XCTAssertEqual(loaded.config.network.whitelist, ["^a$"])
        XCTAssertEqual(loaded.config.poolSize, PoolSize(clean: 3, dirty: 3))
        XCTAssertEqual(loaded.keysSet, ["defaults.timeoutMs", "network.whitelist", "poolSize"])
        XCTAssertTrue(loaded.warnings.isEmpty)
    }

    func testBrokenJSONNamesFileLineAndColumn() throws {
        let path = directory.appendingPathComponent("isol8.config.json").path
        XCTAssertThrowsError(try loader(writing: "{\n  \"debug\": true,\n  \"maxConcurrent\": ,\n}").load()) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("Failed to parse config file \(path): "), text)
            XCTAssertTrue(text.contains("line 3, column"), text)
        }
    }

    func testJSONCutOffAtTheEndNamesLineAndColumn() throws {
        let path = directory.appendingPathComponent("isol8.config.json").path
        XCTAssertThrowsError(try loader(writing: "{\n  \"debug\": true,\n  \"defaults\": {\"timeoutMs\": 5").load()) { error in
            XCTAssertEqual("\(error)", "Failed to parse config file \(path): unexpected end of input, expected ',' or '}' at line 3, column 30")
        }
    }

    func testTrailingCommaIsASyntaxError() throws {
        let path = directory.appendingPathComponent("isol8.config.json").path
        XCTAssertThrowsError(try loader(writing: "{\n  \"debug\": true,\n}").load()) { error in
            XCTAssertEqual("\(error)", "Failed to parse config file \(path): trailing comma before '}' at line 2, column 16")
        }
        XCTAssertThrowsError(try loader(writing: #"{"network": {"whitelist": ["^a$",]}}"#).load()) { error in
            XCTAssertTrue("\(error)".hasSuffix(": trailing comma before ']' at line 1, column 33"), "\(error)")
        }
    }

    func testWrongTypeNamesKeyAndExpectedType() throws {
        XCTAssertThrowsError(try loader(writing: #"{"defaults": {"timeoutMs": "30s"}}"#).load()) { error in
            XCTAssertTrue("\(error)".hasSuffix("\"defaults.timeoutMs\" must be a whole number, got a string (\"30s\")"), "\(error)")
        }
        XCTAssertThrowsError(try loader(writing: #"{"defaults": {"network": "open"}}"#).load()) { error in
            XCTAssertTrue("\(error)".contains("\"defaults.network\": use none, host or filtered"), "\(error)")
        }
        XCTAssertThrowsError(try loader(writing: #"{"debug": 1}"#).load()) { error in
            XCTAssertTrue("\(error)".contains("\"debug\" must be a boolean"), "\(error)")
        }
    }

    func testServerAndTenantPolicyKeys() throws {
        let json = #"{"server": {"maxFileSizeBytes": 1024, "idleTimeoutMs": 500}, "tenantPolicy": {"allowedNetworks": ["host"], "allowPersist": true}}"#
        let config = try loader(writing: json).load().config
        XCTAssertEqual(config.server.fileReadLimits, FileReadLimits(maxBytes: 1024, timeoutMs: FileReadLimits.defaultTimeoutMs))
        XCTAssertEqual(config.server.idleTimeoutMs, 500)
        XCTAssertEqual(config.tenantPolicy.allowedNetworks, ["host"])
        XCTAssertEqual(config.tenantPolicy.allowedSeccomp, ["strict"])
        XCTAssertTrue(config.tenantPolicy.allowPersist)
        XCTAssertThrowsError(try loader(writing: #"{"server": {"maxFileSizeBytes": 0}}"#).load()) { error in
            XCTAssertTrue("\(error)".contains("server.maxFileSizeBytes"), "\(error)")
        }
    }

    func testUnknownKeyWarnsWithNearestKnownKey() throws {
        let loaded = try loader(writing: #"{"defaults": {"timeoutMS": 1}, "dependencies": {}}"#).load()
        XCTAssertEqual(loaded.config.defaults.timeoutMs, 30000)
        XCTAssertTrue(loaded.warnings.contains { $0.contains("\"defaults.timeoutMS\"") && $0.contains("did you mean \"defaults.timeoutMs\"?") }, "\(loaded.warnings)")
        XCTAssertTrue(loaded.warnings.contains { $0.contains("\"dependencies\"") }, "\(loaded.warnings)")
    }

    func testPrecedenceDefaultFileFlag() throws {
        let loaded = try loader(writing: #"{"defaults": {"memoryLimit": "256m", "timeoutMs": 9000, "network": "host"}}"#).load()
        var flags = RunFlags()
        flags.options["memoryLimit"] = ["1g"]
        let effective = try EffectiveConfig.resolve(loaded, flags: flags, environment: ["DOCKER_HOST": "unix:///tmp/x.sock"])
        XCTAssertEqual(effective.options.memoryLimit, "1g")
        XCTAssertEqual(effective.entry("memoryLimit")?.source, .flag("--memory"))
        XCTAssertEqual(effective.options.timeoutMs, 9000)
        XCTAssertEqual(effective.entry("timeoutMs")?.source, .file(loaded.path!))
        XCTAssertEqual(effective.options.network, .host)
        XCTAssertEqual(effective.options.cpuLimit, 1)
        XCTAssertEqual(effective.entry("cpuLimit")?.source, .builtIn)
        XCTAssertEqual(effective.entry("docker.host")?.source, .environment("DOCKER_HOST"))
    }

    func testInstallWithoutNetSwitchesToFiltered() throws {
        var flags = RunFlags()
        flags.install = ["requests"]
        let effective = try EffectiveConfig.resolve(try loader(writing: nil).load(), flags: flags, environment: [:])
        XCTAssertEqual(effective.options.network, .filtered)
        XCTAssertEqual(effective.entry("network")?.source, .flag("--install"))
    }

    func testKnobOverrideRecordsTuiSource() throws {
        var effective = try EffectiveConfig.resolve(try loader(writing: nil).load(), flags: RunFlags(), environment: [:])
        effective.override("memoryLimit", value: "32m", source: .tui) { $0.memoryLimit = "32m" }
        XCTAssertEqual(effective.options.memoryLimit, "32m")
        XCTAssertEqual(effective.entry("memoryLimit"), EffectiveConfig.Entry(key: "memoryLimit", value: "32m", source: .tui))
    }

    func testResolvedJSONKeepsSpecKeyOrder() throws {
        let json = ConfigPrinter.json(Isol8Config())
        let order = ["maxConcurrent", "defaults", "network", "cleanup", "poolStrategy", "poolSize", "security", "remoteCode", "audit", "auth", "prebuiltImages", "debug"]
        let positions = order.map { json.range(of: "\n  \"\($0)\"")?.lowerBound }
        XCTAssertFalse(positions.contains(nil), json)
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.utf8)))
    }
}

final class AuditLoggerTests: XCTestCase {
    private func record(_ id: String) -> AuditLogger.Record {
        AuditLogger.Record(executionId: id, userId: "u", timestamp: "2026-01-01T00:00:00.000Z", runtime: .python, codeHash: "h",
                           containerId: "c", exitCode: 0, durationMs: 5, resourceUsage: nil, metadata: nil,
                           code: "print(1)", stdout: "1", stderr: "")
    }

    func testRetentionRemovesOldLogsAndPostLogScriptGetsThePath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let old = dir.appendingPathComponent("old.log")
        try "x".write(to: old, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-10 * 86_400)], ofItemAtPath: old.path)
        let marker = dir.appendingPathComponent("post.txt")
        let script = dir.appendingPathComponent("post.sh")
        try "#!/bin/sh\necho \"$1\" > \(marker.path)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        var config = AuditConfig()
        config.enabled = true
        config.logDir = dir.path
        config.retentionDays = 7
        config.postLogScript = script.path
        config.includeOutput = true
        let logger = AuditLogger(config: config)
        XCTAssertFalse(FileManager.default.fileExists(atPath: old.path), "older than retentionDays")
        logger.write(record("e1"))
        let line = try String(contentsOf: logger.logFile, encoding: .utf8)
        XCTAssertTrue(line.hasPrefix(#"{"executionId":"e1","userId":"u","timestamp":"#), line)
        XCTAssertTrue(line.contains(#""stdout":"1""#) && !line.contains(#""code""#), line)
        // The script runs on its own: `>` creates the file before echo fills it, so wait for a whole line.
        let written = try Poll.until("the post-log script's whole line", look: { (try? String(contentsOf: marker, encoding: .utf8)) ?? "" },
                                     holds: { $0.hasSuffix("\n") })
        XCTAssertEqual(written, logger.logFile.path + "\n")
    }

    func testDisabledLoggerWritesNothing() {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-audit-off-\(UUID().uuidString)")
        var config = AuditConfig()
        config.logDir = dir.path
        AuditLogger(config: config).write(record("e2"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path))
    }
}
