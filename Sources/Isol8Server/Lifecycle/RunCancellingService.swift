import Foundation
import Isol8Core
import Logging
import ServiceLifecycle

/// Ends the in-flight runs and the debug line streams as soon as a graceful shutdown (SIGTERM,
/// SIGINT, SIGHUP) begins. Listed after the HTTP application in the service group, it is told
/// first, so the application's wait for in-flight requests is only as long as their cancelled
/// runs take to wind down.
struct RunCancellingService: Service {
    let runs: InFlightRuns
    let debugLines: DebugLineHub
    let logger: Logger

    func run() async throws {
        // Cancellation (the group ending for another reason) closes too.
        try? await gracefulShutdown()
        let cancelled = runs.close()
        logger.debug(.server, "Shutting down: cancelled \(cancelled) in-flight run(s)")
        debugLines.close()
    }
}
