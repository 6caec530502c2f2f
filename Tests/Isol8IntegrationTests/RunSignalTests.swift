import Foundation
import Isol8Core
import Isol8TestSupport
import XCTest

/// A closed terminal (SIGHUP), `kill` (SIGTERM) and Ctrl-C (SIGINT) end `isol8 run` the same
/// way: the run is cancelled, its container removed, and the command exits 0.
final class RunSignalTests: XCTestCase {
    func testHangUpTerminateAndInterruptRemoveTheRunsContainer() async throws {
        let signals = [("SIGHUP", SIGHUP), ("SIGTERM", SIGTERM), ("SIGINT", SIGINT)]
        let runs = try signals.map { _ in
            try HelperProcess([CLI.binary.path, "run", "-e", "import time; print('up', flush=True); time.sleep(120)"])
        }
        defer { runs.forEach { $0.stop() } }
        let docker = try DockerClient.fromEnvironment()
        func containers(of run: HelperProcess) async throws -> [String] {
            try await docker.listContainers(all: true, filters: ["label": ["\(ContainerOwner.pidLabel)=\(run.pid)"]]).map(\.Id)
        }
        for ((name, number), run) in zip(signals, runs) {
            // "up" comes from inside the sandbox: the run, and its signal handling, are under way.
            try run.waitForOutput("up\n")
            let held = try await containers(of: run)
            XCTAssertFalse(held.isEmpty, "\(name): the run has no container")
            kill(run.pid, number)
        }
        for ((name, _), run) in zip(signals, runs) {
            XCTAssertEqual(run.waitForExit(), 0, "\(name): \(run.errors)")
            try await Poll.until("\(name): no container of the run left", look: { try await containers(of: run) }, holds: { $0.isEmpty })
        }
    }
}
