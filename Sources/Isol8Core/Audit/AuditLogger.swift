import Foundation
import Logging

/// Appends one JSON line per buffered execution (compat §2.18). Failures are logged, never thrown.
public struct AuditLogger: Sendable {
    public let config: AuditConfig
    private let logger: Logger
    public let directory: URL

    public init(config: AuditConfig, environment: [String: String] = ProcessInfo.processInfo.environment,
                logger: Logger = .console("isol8.audit")) {
        self.logger = logger
        self.config = config
        let dir = config.logDir ?? environment["ISOL8_AUDIT_DIR"] ?? FileManager.default.currentDirectoryPath + "/.isol8_audit"
        directory = URL(fileURLWithPath: dir)
        if config.enabled { prepare() }
    }

    public var logFile: URL { directory.appendingPathComponent("executions.log") }

    public struct Record: Sendable {
        public var executionId: String
        public var userId: String
        public var timestamp: String
        public var runtime: Runtime
        public var codeHash: String
        public var containerId: String
        public var exitCode: Int
        public var durationMs: Int
        public var resourceUsage: ResourceUsage?
        public var metadata: [String: String]?
        public var code: String?
        public var stdout: String?
        public var stderr: String?
    }

    public func write(_ record: Record) {
        guard config.enabled else { return }
        var object = OrderedJSON()
        object["executionId"] = record.executionId
        object["userId"] = record.userId
        object["timestamp"] = record.timestamp
        object["runtime"] = record.runtime.rawValue
        object["codeHash"] = record.codeHash
        object["containerId"] = record.containerId
        object["exitCode"] = record.exitCode
        object["durationMs"] = record.durationMs
        if let usage = record.resourceUsage {
            var resources = OrderedJSON()
            resources["cpuPercent"] = usage.cpuPercent
            resources["memoryMB"] = usage.memoryMB
            resources["networkBytesIn"] = usage.networkBytesIn
            resources["networkBytesOut"] = usage.networkBytesOut
            object["resourceUsage"] = resources
        }
        if let metadata = record.metadata {
            var meta = OrderedJSON()
            for key in metadata.keys.sorted() { meta[key] = metadata[key] }
            object["metadata"] = meta
        }
        if config.includeCode { object["code"] = record.code }
        if config.includeOutput {
            object["stdout"] = record.stdout
            object["stderr"] = record.stderr
        }
        let line = object.render(pretty: false)
        switch config.destination {
        case "filesystem", "file":
            append(line)
            logger.debug("Audit record written: \(record.executionId)")
            runPostLogScript()
        case "stdout":
            FileHandle.standardOutput.write(Data(("AUDIT_LOG:" + line + "\n").utf8))
        default:
            FileHandle.standardError.write(Data("[ERROR] Unsupported audit destination: \(config.destination)\n".utf8))
        }
    }

    /// Creates the directory and applies retention.
    private func prepare() {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard config.retentionDays > 0,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        let cutoff = Date().addingTimeInterval(-Double(config.retentionDays) * 86_400)
        var removed = 0
        for name in names where name.hasSuffix(".log") || name.hasSuffix(".jsonl") {
            let path = directory.appendingPathComponent(name).path
            if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified < cutoff {
                if (try? FileManager.default.removeItem(atPath: path)) != nil { removed += 1 }
            }
        }
        if removed > 0 { FileHandle.standardOutput.write(Data("Audit log cleanup: removed \(removed) old log files\n".utf8)) }
    }

    private func append(_ line: String) {
        let data = Data((line + "\n").utf8)
        if let handle = FileHandle(forWritingAtPath: logFile.path) {
            handle.seekToEndOfFile()
            handle.write(data)
            try? handle.close()
        } else {
            do {
                try data.write(to: logFile)
            } catch {
                FileHandle.standardError.write(Data("[ERROR] Audit log write failed: \(error.localizedDescription)\n".utf8))
            }
        }
    }

    private func runPostLogScript() {
        guard let script = config.postLogScript else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = [logFile.path]
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("[ERROR] Audit postLogScript failed: \(error.localizedDescription)\n".utf8))
        }
    }
}
