import XCTest
@testable import Isol8Core
import Isol8TestSupport

/// Nothing leaks: ephemeral runs remove their containers; `--persist` keeps exactly one.
final class LifecycleTests: XCTestCase {
    func testTwentyEphemeralRunsLeaveNoContainer() async throws {
        var created: [String] = []
        for i in 0..<20 {
            let outcome: CLI.Outcome
            switch i % 4 {
            case 0: outcome = try CLI.run(["run", "--debug", "-e", "print(\(i))"])
            case 1: outcome = try CLI.run(["run", "--debug", "-e", "import sys; sys.exit(2)"])
            case 2: outcome = try CLI.run(["run", "--debug", "--timeout", "1000", "--no-stream", "-e", "while True: pass"])
            default: outcome = try CLI.run(["run", "--debug", "-e", "raise SystemExit('boom')", "--no-stream"])
            }
            created += Daemon.containersCreated(in: outcome.stderr)
        }
        XCTAssertGreaterThanOrEqual(created.count, 20, "every run made its container")
        let left = try await Daemon.existing(created)
        XCTAssertEqual(left, [], "ephemeral runs remove their containers before the CLI exits")
    }

    func testPersistLeavesOneContainerThatCleanupRemoves() async throws {
        let outcome = try CLI.run(["run", "--debug", "--persist", "-e", "open('/sandbox/kept.txt','w').write('x')"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let left = try await Daemon.existing(Daemon.containersCreated(in: outcome.stderr))
        XCTAssertEqual(left.count, 1)
        let details = try await Daemon.client.inspectContainer(try XCTUnwrap(left.first))
        XCTAssertEqual(details.State?.Running, true)

        let cleanup = try CLI.run(["cleanup", "--force"])
        XCTAssertEqual(cleanup.status, 0, cleanup.stderr)
        XCTAssertTrue(cleanup.stdout.contains("Removed "), cleanup.stdout)
        let remaining = try await Daemon.existing(left)
        XCTAssertEqual(remaining, [])
    }

    func testLibraryEngineExecutesAndStops() async throws {
        var options = Isol8Options()
        options.timeoutMs = 10_000
        let engine = try DockerEngine(options: options)
        try await engine.start()
        let result = try await engine.execute(ExecutionRequest(runtime: .python, code: "print('lib')"))
        XCTAssertEqual(result.stdout, "lib")
        XCTAssertEqual(result.exitCode, 0)
        XCTAssertFalse(result.truncated)
        XCTAssertEqual(result.containerId?.count, 64)
        await engine.stop()
        let left = try await Daemon.existing([try XCTUnwrap(result.containerId)])
        XCTAssertEqual(left, [])
    }

    func testPersistentModeKeepsStateAndLocksRuntime() async throws {
        var options = Isol8Options()
        options.mode = .persistent
        let engine = try DockerEngine(options: options)
        _ = try await engine.execute(ExecutionRequest(runtime: .python, code: "open('/sandbox/state.txt','w').write('kept')"))
        let second = try await engine.execute(ExecutionRequest(runtime: .python, code: "print(open('/sandbox/state.txt').read())"))
        XCTAssertEqual(second.stdout, "kept")
        do {
            _ = try await engine.execute(ExecutionRequest(runtime: .node, code: "1"))
            XCTFail("runtime switch must fail")
        } catch {
            XCTAssertEqual("\(error)", Isol8Error.runtimeLocked(from: .python, to: .node).description)
        }
        let all = Data((0...255).map { UInt8($0) })
        try await engine.putFile("/sandbox/bytes.bin", all)
        let back = try await engine.getFile("/sandbox/bytes.bin")
        XCTAssertEqual(back, all)
        let id = await engine.containerId
        await engine.stop()
        let left = try await Daemon.existing([try XCTUnwrap(id)])
        XCTAssertEqual(left, [])
    }

    func testStreamingEventsArriveInOrderAndEndWithExit() async throws {
        let engine = try DockerEngine()
        var events = [StreamEvent]()
        let code = "import sys, time\nfor i in range(3):\n    print(i, flush=True)\n    time.sleep(0.1)\nprint('e', file=sys.stderr)"
        for try await event in engine.executeStream(ExecutionRequest(runtime: .python, code: code)) { events.append(event) }
        await engine.stop()
        XCTAssertEqual(events.filter { $0.type == .stdout }.map(\.data).joined(), "0\n1\n2\n")
        XCTAssertEqual(events.filter { $0.type == .stderr }.map(\.data).joined(), "e\n")
        XCTAssertEqual(events.last, StreamEvent(.exit, "0"))
        XCTAssertTrue(events.allSatisfy { $0.phase == .code })
    }

    func testCancellingAStreamKillsTheRunAndRemovesItsContainer() async throws {
        let engine = try DockerEngine()
        let cancel = CancelToken()
        let used = ContainerNote()
        var events = [StreamEvent]()
        let request = ExecutionRequest(runtime: .python, code: "import time\nprint('go', flush=True)\ntime.sleep(60)")
        for try await event in engine.executeStream(request, cancel: cancel, onContainer: used.set) {
            events.append(event)
            if event.type == .stdout { cancel.cancel() }
        }
        let id = try XCTUnwrap(used.id, "onContainer named the container before the output")
        let live = try await Daemon.existing([id])
        await engine.stop()
        XCTAssertEqual(events.last?.type, .exit)
        XCTAssertTrue(events.contains(StreamEvent(.error, "EXECUTION CANCELLED")))
        XCTAssertEqual(live, [], "removed at once, not kept warm in the pool")
    }

    func testCancellingABufferedRunStopsItAndRemovesItsContainer() async throws {
        let engine = try DockerEngine()
        let cancel = CancelToken()
        let used = ContainerNote()
        let request = ExecutionRequest(runtime: .python, code: "import time\ntime.sleep(60)")
        let run = Task { try await engine.execute(request, cancel: cancel, onContainer: used.set) }
        // Cancel once the user code really runs, not while the container is being prepared.
        try await Poll.until("the user code running in the run's container", look: { () async -> [String] in
            guard let id = used.id else { return [] }
            return (try? await Daemon.client.top(id).Processes?.map { $0.joined(separator: " ") }) ?? []
        }, holds: { $0.contains { $0.contains("time.sleep(60)") } })
        cancel.cancel()
        let result = try await run.value
        let live = try await Daemon.existing([try XCTUnwrap(result.containerId)])
        await engine.stop()
        XCTAssertEqual(result.exitCode, 137)
        XCTAssertEqual(result.containerId, used.id)
        XCTAssertEqual(live, [], "removed at once, not kept warm in the pool")
    }

    func testAFinishedRunsContainerGoesBackToThePool() async throws {
        let engine = try DockerEngine()
        let used = ContainerNote()
        let result = try await engine.execute(ExecutionRequest(runtime: .python, code: "print(1)"), cancel: CancelToken(), onContainer: used.set)
        let id = try XCTUnwrap(used.id)
        let live = try await Daemon.existing([id])
        await engine.stop()
        XCTAssertEqual(result.stdout, "1")
        XCTAssertEqual(live, [id], "kept warm for the next run")
    }
}

/// Remembers the container an engine reports, from whichever thread reports it.
private final class ContainerNote: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    var id: String? { lock.withLock { value } }
    var set: @Sendable (String) -> Void { { [self] id in lock.withLock { value = id } } }
}

/// Warm containers are reused, and nothing of one run survives into the next.
final class PoolTests: XCTestCase {
    private let leaveTraces = "open('/sandbox/secret.txt','w').write('x'); open('/tmp/t.txt','w').write('y')\nimport subprocess; subprocess.Popen(['sleep', '300'], start_new_session=True)"
    private let lookForTraces = "import os, subprocess\nprint(sorted(os.listdir('/sandbox')), sorted(os.listdir('/tmp')))\nprint(subprocess.run(['pgrep', '-u', 'sandbox', 'sleep'], capture_output=True).stdout.decode().strip() or 'none')"

    private func reuse(strategy: PoolStrategy) async throws {
        var options = Isol8Options()
        options.poolStrategy = strategy
        let engine = try DockerEngine(options: options)
        let first = try await engine.execute(ExecutionRequest(runtime: .python, code: leaveTraces))
        XCTAssertEqual(first.exitCode, 0, first.stderr)
        let second = try await engine.execute(ExecutionRequest(runtime: .python, code: lookForTraces))
        XCTAssertEqual(second.containerId, first.containerId, "the pooled container is reused")
        XCTAssertEqual(second.stdout, "[] []\nnone")
        await engine.stop()
        let left = try await Daemon.existing([try XCTUnwrap(first.containerId)])
        XCTAssertEqual(left, [], "stop() drains the pool")
    }

    func testFastPoolReusesACleanedContainer() async throws {
        try await reuse(strategy: .fast)
    }

    func testSecurePoolReusesACleanedContainer() async throws {
        try await reuse(strategy: .secure)
    }

    func testAFastPoolRecyclesUsedContainersInsteadOfMakingNewOnes() async throws {
        let engine = try DockerEngine()
        try await engine.start(prewarm: [.python])
        var used: [String] = []
        for n in 0..<4 {
            let result = try await engine.execute(ExecutionRequest(runtime: .python, code: "print(\(n))"))
            XCTAssertEqual(result.stdout, "\(n)")
            used.append(try XCTUnwrap(result.containerId))
        }
        XCTAssertLessThanOrEqual(Set(used).count, 2, "one clean and one used container take turns: \(used)")
        await engine.stop()
        let left = try await Daemon.existing(Array(Set(used)))
        XCTAssertEqual(left, [], "stop() waits for the pool's removals")
    }

    func testPrewarmFillsTheCleanList() async throws {
        let engine = try DockerEngine()
        try await engine.start(prewarm: [.python])
        let counts = await engine.poolCounts(image: "isol8:python")
        XCTAssertEqual(counts.clean, 1)
        let result = try await engine.execute(ExecutionRequest(runtime: .python, code: "print('warm')"))
        XCTAssertEqual(result.stdout, "warm")
        let warmed = try XCTUnwrap(result.containerId)
        await engine.stop()
        let left = try await Daemon.existing([warmed])
        XCTAssertEqual(left, [], "stop() drains the warmed pool")
    }
}
