import Foundation
import XCTest
import Isol8Core
import Isol8Server
import Isol8TestSupport

/// A real `isol8 serve` started from the built binary, on 127.0.0.1 with a free port,
/// its stdout (banner and `[DEBUG]` lines) and stderr captured for assertions. A
/// `HelperProcess`: it cannot outlive the test process.
final class ServerProcess: @unchecked Sendable {
    static let apiKey = "test-key-\(UUID().uuidString.prefix(8))"

    let directory: URL
    private let argv: [String]
    private let environment: [String: String]
    private var helper: HelperProcess?
    private(set) var port = 0

    var baseURL: String { "http://127.0.0.1:\(port)" }
    /// The server's process id once started.
    var pid: Int32 { helper?.pid ?? 0 }
    var isRunning: Bool { helper?.isRunning ?? false }
    var exitStatus: Int32? { helper?.exitStatus }
    var output: String { helper?.output ?? "" }
    var errors: String { helper?.errors ?? "" }

    static var binary: URL { URL(fileURLWithPath: BuiltProduct.path("isol8")) }

    /// `config` is written as `isol8.config.json` in the server's working directory;
    /// `extraArguments` follow the default arguments (`arguments` replaces them all).
    init(config: String? = nil, environment: [String: String] = [:], arguments: [String]? = nil, extraArguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let config { try config.write(to: directory.appendingPathComponent("isol8.config.json"), atomically: true, encoding: .utf8) }
        argv = [Self.binary.path] + (arguments ?? ["serve", "--port", String(Self.freePort()), "--key", Self.apiKey, "--bind", "127.0.0.1", "--debug"] + extraArguments)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = directory.path
        env.removeValue(forKey: "ISOL8_API_KEY")
        for (key, value) in environment { env[key] = value }
        self.environment = env
    }

    /// Starts the server and returns once it is ready: the whole banner is printed and
    /// `/health` answers. Throws with its output if it exits or never gets there.
    func start(timeout: TimeInterval = Poll.defaultTimeout) throws {
        let helper = try HelperProcess(argv, directory: directory.path, environment: environment)
        self.helper = helper
        let banner = try helper.waitForOutput("       Auth: Bearer token required\n", timeout: timeout)
        guard let range = banner.range(of: #"listening on http://localhost:(\d+)"#, options: .regularExpression),
              let port = Int(banner[range].split(separator: ":").last ?? "") else {
            throw Spawn.Failed(argv: argv, reason: "no port in its banner: \(banner)")
        }
        self.port = port
        let transport = CurlTransport(baseURL: baseURL)
        try Poll.until("GET /health to answer 200", timeout: timeout,
                       look: { try? transport.perform(HTTPRequest(method: "GET", path: "/health"), timeoutSeconds: 10).status },
                       holds: { $0 == 200 })
    }

    /// Waits for a server that must not start to exit; its status.
    func waitForExit(timeout: TimeInterval = Poll.defaultTimeout) -> Int32? {
        helper?.waitForExit(timeout: timeout)
    }

    /// SIGTERM, then wait for the exit (SIGKILL after `timeout`); returns the exit status.
    @discardableResult
    func stop(timeout: TimeInterval = 30) -> Int32 {
        helper?.stop(timeout: timeout) ?? 0
    }

    /// Waits until stdout contains `text` (debug lines may trail the HTTP answer).
    func waitForOutput(_ text: String, timeout: TimeInterval = 30) -> Bool {
        (try? helper?.waitForOutput(text, timeout: timeout)) != nil
    }

    /// The server's resident memory (VmRSS of /proc/<pid>/status) in MiB.
    func residentMiB() throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kib = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else {
            throw NSError(domain: "ServerProcess", code: 2, userInfo: [NSLocalizedDescriptionKey: "no VmRSS in \(status)"])
        }
        return kib / 1024
    }

    /// The containers this server made (its pid in their owner label), running or not.
    func containers() async throws -> [ContainerSummary] {
        try await Self.containers(ownedBy: pid)
    }

    static func containers(ownedBy pid: Int32) async throws -> [ContainerSummary] {
        try await DockerClient.fromEnvironment().listContainers(all: true, filters: ["label": ["\(ContainerOwner.pidLabel)=\(pid)"]])
    }

    static func freePort() -> Int {
        PortResolver.freePort(host: "127.0.0.1")!
    }
}
