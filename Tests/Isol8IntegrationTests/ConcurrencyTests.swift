import XCTest
@testable import Isol8Core

/// The engine semaphore, observed from the daemon's own exec events.
final class ConcurrencyTests: XCTestCase {
    func testEightExecutionsWithMaxConcurrentTwoNeverRunMoreThanTwo() async throws {
        let engine = try DockerEngine(options: Isol8Options(), maxConcurrent: 2)
        let used = ContainerSet()
        let since = Date().timeIntervalSince1970
        try await withThrowingTaskGroup(of: ExecutionResult.self) { group in
            for i in 0..<8 {
                group.addTask {
                    try await engine.execute(ExecutionRequest(runtime: .python, code: "import time; time.sleep(1); print(\(i))"),
                                             cancel: CancelToken(), onContainer: used.insert)
                }
            }
            var outputs = Set<String>()
            for try await result in group { outputs.insert(result.stdout) }
            XCTAssertEqual(outputs, Set((0..<8).map(String.init)))
        }
        await engine.stop()
        let until = Date().timeIntervalSince1970

        // Replay the window for this engine's containers only (the daemon is shared): user-code
        // execs start as `timeout -s KILL …` and end with exec_die.
        let log = EventLog()
        try await Daemon.client.events(filters: ["type": ["container"]], since: since, until: until) { log.append($0) }
        var running = Set<String>()
        var peak = 0
        var userExecs = 0
        for event in log.events {
            guard let action = event.Action, let exec = event.Actor?.Attributes?["execID"],
                  let container = event.Actor?.ID, used.contains(container) else { continue }
            if action.hasPrefix("exec_start: timeout -s KILL") {
                running.insert(exec)
                userExecs += 1
                peak = max(peak, running.count)
            } else if action == "exec_die" {
                running.remove(exec)
            }
        }
        XCTAssertEqual(userExecs, 8)
        XCTAssertEqual(peak, 2, "at most maxConcurrent user executions at once, and the limit was reached")
    }
}

final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [DockerEvent] = []
    func append(_ event: DockerEvent) { lock.withLock { stored.append(event) } }
    var events: [DockerEvent] { lock.withLock { stored } }
}

/// The containers an engine reported, from whichever threads report them.
final class ContainerSet: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<String> = []
    var insert: @Sendable (String) -> Void { { [self] id in _ = lock.withLock { ids.insert(id) } } }
    func contains(_ id: String) -> Bool { lock.withLock { ids.contains(id) } }
}
