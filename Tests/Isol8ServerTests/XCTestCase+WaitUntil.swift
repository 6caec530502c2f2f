import Foundation
import XCTest

extension XCTestCase {
    /// Polls `condition` every 100 ms until it holds; fails the test naming `what` when
    /// `seconds` pass first. The deadline only bounds the wait: it never decides the outcome.
    func waitUntil(_ what: String, deadline seconds: TimeInterval, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        XCTFail("not within \(Int(seconds)) s: \(what)")
    }
}
