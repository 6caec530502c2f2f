import Foundation
import XCTest
import Isol8Core
import Isol8Server

/// A real `isol8 serve` started from the built binary, on 127.0.0.1 with a free port,
/// its stdout (banner and `[DEBUG]` lines) and stderr captured for assertions.
final class ServerProcess: @unchecked Sendable {
    static let apiKey = "test-key-\(UUID().uuidString.prefix(8))"

    let process = Process()
    let directory: URL
    private let lock = NSLock()
    private var stdoutText = ""
    private var stderrText = ""
    private(set) var port = 0

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var output: String { lock.withLock { stdoutText } }
    var errors: String { lock.withLock { stderrText } }

    /// The folder the test bundle and the `isol8` binary were built into.
    static var productsDirectory: URL {
        #if os(macOS)
        return Bundle(for: ServerProcess.self).bundleURL.deletingLastPathComponent()
        #else
        return Bundle(for: ServerProcess.self).bundleURL
        #endif
    }

    static var binary: URL { productsDirectory.appendingPathComponent("isol8") }

    /// `config` is written as `isol8.config.json` in the server's working directory;
    /// `extraArguments` follow the default arguments (`arguments` replaces them all).
    init(config: String? = nil, environment: [String: String] = [:], arguments: [String]? = nil, extraArguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let config { try config.write(to: directory.appendingPathComponent("isol8.config.json"), atomically: true, encoding: .utf8) }
        process.executableURL = Self.binary
        process.currentDirectoryURL = directory
        process.arguments = arguments ?? ["serve", "--port", String(Self.freePort()), "--key", Self.apiKey, "--bind", "127.0.0.1", "--debug"] + extraArguments
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = directory.path
        env.removeValue(forKey: "ISOL8_API_KEY")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.stdoutText += String(decoding: data, as: UTF8.self) }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.stderrText += String(decoding: data, as: UTF8.self) }
        }
    }

    /// Starts the server and waits for its banner; fails the test if it never comes.
    func start(timeout: TimeInterval = 60) throws {
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let range = output.range(of: #"listening on http://localhost:(\d+)"#, options: .regularExpression) {
                port = Int(output[range].split(separator: ":").last!)!
                return
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw NSError(domain: "ServerProcess", code: 1, userInfo: [NSLocalizedDescriptionKey:
            "isol8 serve did not start: stdout=\(output) stderr=\(errors)"])
    }

    /// SIGTERM, then wait for the exit (SIGKILL after `timeout`); returns the exit status.
    @discardableResult
    func stop(timeout: TimeInterval = 30) -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.1)
        return process.terminationStatus
    }

    /// Waits until stdout contains `text` (debug lines may trail the HTTP answer).
    func waitForOutput(_ text: String, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if output.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// The server's resident memory (VmRSS of /proc/<pid>/status) in MiB.
    func residentMiB() throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kib = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else {
            throw NSError(domain: "ServerProcess", code: 2, userInfo: [NSLocalizedDescriptionKey: "no VmRSS in \(status)"])
        }
        return kib / 1024
    }

    /// The containers this server made (its pid in their owner label), running or not.
    func containers() async throws -> [ContainerSummary] {
        try await Self.containers(ownedBy: process.processIdentifier)
    }

    static func containers(ownedBy pid: Int32) async throws -> [ContainerSummary] {
        try await DockerClient.fromEnvironment().listContainers(all: true, filters: ["label": ["\(ContainerOwner.pidLabel)=\(pid)"]])
    }

    static func freePort() -> Int {
        PortResolver.freePort(host: "127.0.0.1")!
    }
}
