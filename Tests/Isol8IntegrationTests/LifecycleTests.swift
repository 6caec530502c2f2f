import XCTest
@testable import Isol8Core

/// Nothing leaks: ephemeral runs remove their containers; `--persist` keeps exactly one.
final class LifecycleTests: XCTestCase {
    func testTwentyEphemeralRunsLeaveNoContainer() async throws {
        let before = try await Daemon.managedContainers().map(\.Id)
        for i in 0..<20 {
            switch i % 4 {
            case 0: _ = try CLI.run(["run", "-e", "print(\(i))"])
            case 1: _ = try CLI.run(["run", "-e", "import sys; sys.exit(2)"])
            case 2: _ = try CLI.run(["run", "--timeout", "1000", "--no-stream", "-e", "while True: pass"])
            default: _ = try CLI.run(["run", "-e", "raise SystemExit('boom')", "--no-stream"])
            }
        }
        let after = try await Daemon.managedContainers().map(\.Id)
        XCTAssertEqual(Set(after), Set(before))
    }

    func testPersistLeavesOneContainerThatCleanupRemoves() async throws {
        let before = Set(try await Daemon.managedContainers().map(\.Id))
        let outcome = try CLI.run(["run", "--persist", "-e", "open('/sandbox/kept.txt','w').write('x')"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let left = Set(try await Daemon.managedContainers().map(\.Id)).subtracting(before)
        XCTAssertEqual(left.count, 1)
        let details = try await Daemon.client.inspectContainer(left.first!)
        XCTAssertEqual(details.State?.Running, true)

        let cleanup = try CLI.run(["cleanup", "--force"])
        XCTAssertEqual(cleanup.status, 0, cleanup.stderr)
        XCTAssertTrue(cleanup.stdout.contains("Removed "), cleanup.stdout)
        let remaining = try await Daemon.managedContainers()
        XCTAssertTrue(remaining.isEmpty)
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
        let left = try await Daemon.managedContainers().filter { $0.Id == result.containerId }
        XCTAssertTrue(left.isEmpty)
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
        let left = try await Daemon.managedContainers().filter { $0.Id == id }
        XCTAssertTrue(left.isEmpty)
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
        let live = Set(try await Daemon.managedContainers().map(\.Id))
        await engine.stop()
        XCTAssertEqual(events.last?.type, .exit)
        XCTAssertTrue(events.contains(StreamEvent(.error, "EXECUTION CANCELLED")))
        let id = try XCTUnwrap(used.id, "onContainer named the container before the output")
        XCTAssertFalse(live.contains(id), "removed at once, not kept warm in the pool")
    }

    func testCancellingABufferedRunStopsItAndRemovesItsContainer() async throws {
        let engine = try DockerEngine()
        let cancel = CancelToken()
        let used = ContainerNote()
        let request = ExecutionRequest(runtime: .python, code: "import time\ntime.sleep(60)")
        let run = Task { try await engine.execute(request, cancel: cancel, onContainer: used.set) }
        while used.id == nil { try await Task.sleep(nanoseconds: 50_000_000) }
        try await Task.sleep(nanoseconds: 300_000_000)
        cancel.cancel()
        let result = try await run.value
        let live = Set(try await Daemon.managedContainers().map(\.Id))
        await engine.stop()
        XCTAssertEqual(result.exitCode, 137)
        XCTAssertEqual(result.containerId, used.id)
        XCTAssertFalse(live.contains(result.containerId ?? ""), "removed at once, not kept warm in the pool")
    }

    func testAFinishedRunsContainerGoesBackToThePool() async throws {
        let engine = try DockerEngine()
        let used = ContainerNote()
        let result = try await engine.execute(ExecutionRequest(runtime: .python, code: "print(1)"), cancel: CancelToken(), onContainer: used.set)
        let live = Set(try await Daemon.managedContainers().map(\.Id))
        await engine.stop()
        XCTAssertEqual(result.stdout, "1")
        XCTAssertTrue(live.contains(try XCTUnwrap(used.id)), "kept warm for the next run")
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
        let left = try await Daemon.managedContainers().filter { $0.Id == first.containerId }
        XCTAssertTrue(left.isEmpty, "stop() drains the pool")
    }

    func testFastPoolReusesACleanedContainer() async throws {
        try await reuse(strategy: .fast)
    }

    func testSecurePoolReusesACleanedContainer() async throws {
        try await reuse(strategy: .secure)
    }

    func testPrewarmFillsTheCleanList() async throws {
        let before = Set(try await Daemon.managedContainers().map(\.Id))
        let engine = try DockerEngine()
        try await engine.start(prewarm: [.python])
        let counts = await engine.poolCounts(image: "isol8:python")
        XCTAssertEqual(counts.clean, 1)
        let result = try await engine.execute(ExecutionRequest(runtime: .python, code: "print('warm')"))
        XCTAssertEqual(result.stdout, "warm")
        await engine.stop()
        let after = Set(try await Daemon.managedContainers().map(\.Id))
        XCTAssertTrue(after.subtracting(before).isEmpty, "stop() drains the warmed pool")
    }
}
