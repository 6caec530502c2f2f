import Foundation

/// The server's background loops (auto-prune, key cleanup): `body` once per interval,
/// first after one interval, until the task is cancelled.
enum Periodic {
    static func run(everyMs intervalMs: Int, _ body: () async -> Void) async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(intervalMs) * 1_000_000)
            if Task.isCancelled { return }
            await body()
        }
    }
}
