import Foundation
import XCTest

/// Something a test started that runs beside it until stopped.
public protocol RunningHelper: AnyObject {
    var helperDescription: String { get }
    var isRunning: Bool { get }
    @discardableResult func stop(timeout: TimeInterval) -> Int32
}

/// Every helper the tests started and have not stopped. When the test bundle finishes, one
/// still running is a test that forgot its teardown (an object XCTest keeps alive until
/// exit never runs its deinit): the registry names it, stops it and fails the run.
public final class HelperRegistry: NSObject, XCTestObservation, @unchecked Sendable {
    public static let shared = HelperRegistry()

    private let lock = NSLock()
    private var helpers: [ObjectIdentifier: RunningHelper] = [:]
    private var observing = false

    func add(_ helper: RunningHelper) {
        let first: Bool = lock.withLock {
            helpers[ObjectIdentifier(helper)] = helper
            defer { observing = true }
            return !observing
        }
        if first { XCTestObservationCenter.shared.addTestObserver(self) }
    }

    func remove(_ helper: RunningHelper) {
        _ = lock.withLock { helpers.removeValue(forKey: ObjectIdentifier(helper)) }
    }

    /// The helpers still running, by description.
    public var running: [String] {
        lock.withLock { Array(helpers.values) }.filter(\.isRunning).map(\.helperDescription)
    }

    public func testBundleDidFinish(_ testBundle: Bundle) {
        let left = lock.withLock { Array(helpers.values) }.filter(\.isRunning)
        guard !left.isEmpty else { return }
        let names = left.map { "  " + $0.helperDescription }.joined(separator: "\n")
        for helper in left { helper.stop(timeout: 10) }
        FileHandle.standardError.write(Data("""
            error: \(left.count) helper process(es) started by the tests were still running when the suite ended \
            (stopped now; give their owner a tearDown that stops them):
            \(names)

            """.utf8))
        exit(1)
    }
}
