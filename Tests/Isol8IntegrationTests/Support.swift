import Foundation
import XCTest
@testable import Isol8Core

/// Runs the real `isol8` binary built next to the test bundle.
enum CLI {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String

        /// stderr without the `[DEBUG]` lines `--debug` adds there: what a run complains of.
        var errors: String {
            stderr.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("[DEBUG] ") }.joined(separator: "\n")
        }
    }

    /// On Linux the test bundle URL is the products folder itself; elsewhere it is the
    /// `.xctest` inside it.
    static let binary: URL = {
        let bundle = Bundle(for: Marker.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("isol8") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// Runs `isol8` (or another `executable`, e.g. a wrapper that puts it on a terminal).
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    directory: URL? = nil, executable: URL = binary) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read both pipes concurrently so a large output cannot deadlock the child.
        let outData = ReadAll(out.fileHandleForReading)
        let errData = ReadAll(err.fileHandleForReading)
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: outData.wait(), stderr: errData.wait())
    }

    private final class Marker {}
}

/// Drains a pipe on its own thread.
final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Docker facts the tests check against the daemon itself.
enum Daemon {
    static let client = try! DockerClient.fromEnvironment()

    /// The containers a `--debug` run of the CLI says it created. Other tests (and other
    /// clients of the same daemon) make containers too: a test looks only at its own.
    static func containersCreated(in debugOutput: String) -> [String] {
        debugOutput.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("[DEBUG] [Pool] Container "), line.contains(" created for image") else { return nil }
            return line.split(separator: " ").dropFirst(3).first.map(String.init)
        }
    }

    /// Those of `ids` the daemon still has.
    static func existing(_ ids: [String]) async throws -> [String] {
        let all = Set(try await client.listContainers(all: true).map(\.Id))
        return ids.filter { all.contains($0) }
    }
}

extension XCTestCase {
    func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
