import Foundation
import Isol8TestSupport
import XCTest

/// The real `isol8-proxy` binary, started on 127.0.0.1 with a kernel-chosen port and a fresh
/// state directory.
final class ProxyProcess {
    let port: Int
    let stateDirectory: URL
    private let process: HelperProcess

    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    static var binaryURL: URL { URL(fileURLWithPath: BuiltProduct.path("isol8-proxy")) }

    /// Starts the proxy with only the given variables in its environment; `--port 0` unless
    /// `choosePort` is false (then the environment or the default decides).
    init(environment: [String: String] = [:], arguments: [String] = [], choosePort: Bool = true) throws {
        stateDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("isol8-proxy-test-\(UUID().uuidString)")
        let result = try Self.launch(environment: environment,
                                     arguments: ["--listen", "127.0.0.1"] + (choosePort ? ["--port", "0"] : [])
                                        + ["--state-dir", stateDirectory.path] + arguments)
        process = result.process
        port = result.port
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: stateDirectory)
    }

    func stop() {
        process.stop()
    }

    func file(_ name: String) -> String {
        (try? String(contentsOf: stateDirectory.appendingPathComponent(name), encoding: .utf8)) ?? "<missing>"
    }

    var networkLog: String { file("network.jsonl") }
    var securityEvents: String { file("security-events.jsonl") }

    /// Runs the binary to completion (for start-up failures) and returns status and stderr.
    static func runToExit(environment: [String: String], arguments: [String] = []) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = binaryURL
        process.arguments = ["--port", "0", "--state-dir",
                             FileManager.default.temporaryDirectory.appendingPathComponent("isol8-proxy-bad-\(UUID().uuidString)").path]
            + arguments
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private static func launch(environment: [String: String], arguments: [String]) throws -> (process: HelperProcess, port: Int) {
        guard FileManager.default.isExecutableFile(atPath: binaryURL.path) else {
            throw StartFailure(description: "no isol8-proxy binary at \(binaryURL.path); build the package first")
        }
        let process = try HelperProcess([binaryURL.path] + arguments, environment: environment)
        do {
            // The proxy prints "isol8 proxy listening on 127.0.0.1:<port>" once it is listening.
            let text = try process.waitForOutput("\n")
            guard let line = text.split(separator: "\n").first, line.hasPrefix("isol8 proxy listening on "),
                  let port = line.split(separator: ":").last.flatMap({ Int($0) }) else {
                throw StartFailure(description: "proxy did not start: \(text)\(process.errors)")
            }
            return (process, port)
        } catch {
            process.stop()
            throw error
        }
    }
}
