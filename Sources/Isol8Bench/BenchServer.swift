import Foundation
import Isol8Core
import Isol8Server

/// A real `isol8 serve` on a free 127.0.0.1 port, in a temporary directory whose
/// `isol8.config.json` holds `config`, and a ``RemoteEngine`` that has seen it answer.
final class BenchServer {
    let remote: RemoteEngine
    private let process: Process
    private let directory: URL

    init(isol8: String, config: String) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-bench-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try config.write(to: directory.appendingPathComponent("isol8.config.json"), atomically: true, encoding: .utf8)
        let key = "bench-\(UUID().uuidString.prefix(8))"
        guard let port = PortResolver.freePort(host: "127.0.0.1") else { throw BenchFailure(description: "no free port on 127.0.0.1") }
        process = Process()
        process.executableURL = URL(fileURLWithPath: isol8)
        process.arguments = ["serve", "--port", String(port), "--key", key, "--bind", "127.0.0.1"]
        process.currentDirectoryURL = directory
        // Quiet, so the figures stay readable; a server that fails shows as its exit status.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        remote = try RemoteEngine(host: "http://127.0.0.1:\(port)", apiKey: key)
        do {
            try await waitForHealth()
        } catch {
            stop()
            throw error
        }
    }

    /// Ends the server and removes its directory.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private func waitForHealth() async throws {
        for _ in 0..<600 {
            if (try? await remote.start()) != nil { return }
            guard process.isRunning else {
                throw BenchFailure(description: "isol8 serve exited with status \(process.terminationStatus); run it by hand to see why")
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw BenchFailure(description: "isol8 serve did not answer /health within a minute")
    }
}
