import Foundation
import XCTest
import Isol8Core

/// A client killed outright cannot remove its container; the next client on the host does,
/// and `isol8 cleanup --orphans` does on demand — without touching live runs.
final class OrphanTests: XCTestCase {
    private func containers(ownedBy pid: Int32) async throws -> [ContainerSummary] {
        try await DockerClient.fromEnvironment().listContainers(all: true, filters: ["label": ["\(ContainerOwner.pidLabel)=\(pid)"]])
    }

    private func startSleepingRun() async throws -> Process {
        let run = Process()
        run.executableURL = CLI.binary
        run.arguments = ["run", "-e", "import time; print('up', flush=True); time.sleep(120)"]
        run.standardOutput = FileHandle.nullDevice
        run.standardError = FileHandle.nullDevice
        try run.run()
        let deadline = Date().addingTimeInterval(60)
        while try await containers(ownedBy: run.processIdentifier).isEmpty, Date() < deadline, run.isRunning {
            try await Task.sleep(nanoseconds: 50_000_000)  // polling for the container, not deciding the outcome
        }
        let runHasNone = try await containers(ownedBy: run.processIdentifier).isEmpty
        XCTAssertFalse(runHasNone, "the run never made its container")
        return run
    }

    func testTheNextRunRemovesTheContainerOfAKilledRun() async throws {
        let killed = try await startSleepingRun()
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        let killedHasNone = try await containers(ownedBy: killed.processIdentifier).isEmpty
        XCTAssertFalse(killedHasNone, "kill -9 leaves the container behind")

        let live = try await startSleepingRun()
        defer { live.terminate(); live.waitUntilExit() }
        let next = try CLI.run(["run", "-e", "print(1)"])
        XCTAssertEqual(next.status, 0, next.stderr)
        let killedHasNoneAfter = try await containers(ownedBy: killed.processIdentifier).isEmpty
        XCTAssertTrue(killedHasNoneAfter, "the next run removed the orphan")
        let liveHasNone = try await containers(ownedBy: live.processIdentifier).isEmpty
        XCTAssertFalse(liveHasNone, "a live run's container stays")
    }

    func testCleanupOrphansRemovesOnlyOrphans() async throws {
        let killed = try await startSleepingRun()
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        let live = try await startSleepingRun()
        defer { live.terminate(); live.waitUntilExit() }

        let cleanup = try CLI.run(["cleanup", "--orphans"])
        XCTAssertEqual(cleanup.status, 0, cleanup.stderr)
        XCTAssertTrue(cleanup.stdout.contains("orphaned container(s)"), cleanup.stdout)
        let killedHasNone = try await containers(ownedBy: killed.processIdentifier).isEmpty
        XCTAssertTrue(killedHasNone, "cleanup --orphans removed the orphan")
        let liveHasNone = try await containers(ownedBy: live.processIdentifier).isEmpty
        XCTAssertFalse(liveHasNone, "a live run's container stays")
    }
}
