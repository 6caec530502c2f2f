import Foundation
import Isol8Core

extension DockerClient {
    /// Polls the daemon until container `id` no longer exists; the timeout names its last state.
    public func waitUntilRemoved(_ id: String, timeout: TimeInterval = Poll.defaultTimeout,
                                 file: StaticString = #filePath, line: UInt = #line) async throws {
        try await Poll.until("container \(id.prefix(12)) to be removed", timeout: timeout, file: file, line: line, look: { () async -> String in
            do {
                return "still there: \(try await self.inspectContainer(id).State?.Status ?? "?")"
            } catch DockerError.api(404, _) {
                return "gone"
            } catch {
                return "\(error)"
            }
        }, holds: { $0 == "gone" })
    }
}
