import Foundation
import Isol8Core
import Logging

/// `runCleanup` of compat §6.9: stop every session, remove isol8 containers, optionally
/// images. A second call while one runs gets the same in-flight result.
actor CleanupCoordinator {
    /// `{removed, failed, errors}` of one kind of resource.
    struct Tally: Sendable {
        var removed = 0
        var failed = 0
        var errors: [String] = []

        init() {}
        init(_ removal: ContainerJanitor.Removal) {
            removed = removal.removed
            failed = removal.failed
            errors = removal.errors
        }
    }

    struct Report: Sendable {
        var sessions = Tally()
        var containers = Tally()
        var images: Tally?
    }

    private let sessions: SessionStore
    private var running: Task<Report, Error>?
    private let logger: Logger

    init(sessions: SessionStore, logger: Logger) {
        self.sessions = sessions
        self.logger = logger
    }

    func run(includeImages: Bool) async throws -> Report {
        if let running { return try await running.value }
        let sessions = self.sessions
        let logger = self.logger
        let task = Task { try await Self.perform(sessions: sessions, includeImages: includeImages, logger: logger) }
        running = task
        defer { running = nil }
        return try await task.value
    }

    /// Stops every session engine; sessions leave the map whatever happens.
    static func stopSessions(_ sessions: SessionStore) async -> Tally {
        var removal = Tally()
        for (_, engine) in await sessions.removeAll() {
            await engine.stop()
            removal.removed += 1
        }
        return removal
    }

    private static func perform(sessions: SessionStore, includeImages: Bool, logger: Logger) async throws -> Report {
        var report = Report()
        report.sessions = await stopSessions(sessions)
        let janitor = ContainerJanitor(host: try DockerHost.fromEnvironment(), logger: logger)
        report.containers = Tally(await janitor.remove(containers: try await janitor.candidateContainers()))
        if includeImages { report.images = Tally(await janitor.remove(images: try await janitor.candidateImages())) }
        return report
    }
}
