import Foundation
@testable import Isol8Server
import Isol8TestSupport
import XCTest

/// The server logs through the hub, so no reader may stop a publish. A reader's task cancelled
/// while a line is handed to it once deadlocked the two (the cancel holding the task's status
/// lock and waiting for the hub, the publish holding the hub and waiting for that status lock),
/// and the server stopped answering. Here readers are cancelled while another thread logs.
final class DebugLineHubTests: XCTestCase {
    func testReadersCancelledWhileLinesArePublishedNeverStopTheLogging() throws {
        let hub = DebugLineHub()
        let readers = 300
        let cancelled = Counter()
        Thread {
            while cancelled.value < readers {
                hub.publish(.debug, "line")
            }
        }.start()
        Thread {
            for _ in 0..<readers {
                let received = Counter()
                let reader = Task {
                    for await _ in hub.subscribe() { received.add(1) }
                }
                // Cancel it once it is taking lines, i.e. while the publisher resumes it.
                while received.value < 2 {}
                reader.cancel()
                cancelled.add(1)
            }
        }.start()
        try Poll.until("\(readers) readers cancelled while lines were logged",
                       look: { cancelled.value }, holds: { $0 == readers })
        try Poll.until("every cancelled reader to be forgotten", look: { hub.readerCount }, holds: { $0 == 0 })
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add(_ n: Int) { lock.withLock { count += n } }
}
