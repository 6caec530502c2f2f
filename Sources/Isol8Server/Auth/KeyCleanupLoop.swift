import Foundation
import Isol8Core
import Logging

/// Every `auth.cleanupIntervalMs`, deletes revoked and expired API keys (compat §6.1 step 4)
/// so the table does not grow with every login.
struct KeyCleanupLoop: Sendable {
    let store: ApiKeyStore
    let intervalMs: Int
    let logger: Logger

    func run() async {
        await Periodic.run(everyMs: intervalMs) { await cleanOnce() }
    }

    private func cleanOnce() async {
        do {
            let removed = try await store.cleanup()
            if removed > 0 { logger.debug(.server, "Removed \(removed) expired or revoked API key(s)") }
        } catch {
            logger.warning(.server, "API key cleanup failed: \(error)")
        }
    }
}
