import Foundation
import Isol8Core
import Logging

/// What every route shares: the config, the sessions, the global semaphore (compat §6.6)
/// and the body limit.
final class ServerResources: Sendable {
    let config: Isol8Config
    let sessions = SessionStore()
    let semaphore: AsyncSemaphore
    let body: BodyReader
    let cleanup: CleanupCoordinator
    let runs = InFlightRuns()
    /// The server's lines; requests and sessions log through copies with their own metadata.
    let logger: Logger
    /// Only for the host's limits, which every request's options are checked against.
    private let docker: DockerHost?
    private let tenantPolicy: TenantOptionPolicy

    init(config: Isol8Config, maxBodyBytes: Int, logger: Logger) throws {
        self.config = config
        self.logger = logger
        semaphore = try AsyncSemaphore(max: config.maxConcurrent)
        body = BodyReader(limit: maxBodyBytes)
        cleanup = CleanupCoordinator(sessions: sessions, logger: logger)
        docker = try? DockerHost.fromEnvironment()
        tenantPolicy = TenantOptionPolicy(config: config)
    }

    /// The engine for an envelope: the named session's (created on first use, owned by
    /// `caller`) or a new ephemeral one. Errors here happen before any output, so routes
    /// answer 500 (403 for an option the tenant policy refuses, 404 for another tenant's session).
    /// An ephemeral engine logs through the request's `log`, a session's through its own.
    func lease(_ envelope: ExecutionEnvelope, route: ExecutionRoute, caller: Caller, log: Logger) async throws -> EngineLease {
        guard !runs.isClosed else { throw Self.shuttingDown }
        try tenantPolicy.check(envelope.options, caller: caller)
        let options: Isol8Options
        do {
            let effective = try RunPreparation.options(forRequest: envelope.options, sessionId: envelope.sessionId, config: config,
                                                       limits: try? await dockerLimits())
            for entry in effective.entries where entry.source == .request { log.debug(.server, "options: \(entry.key) = \(entry.value) (request)") }
            options = effective.options
        } catch let invalid as OptionError {
            throw APIError(400, invalid.description)
        }
        let maxConcurrent = config.maxConcurrent
        let fileReadLimits = config.server.fileReadLimits
        guard let id = envelope.sessionId else {
            log.debug(.server, route.ephemeralLine)
            let engine = try DockerEngine(options: options.forOneRun, maxConcurrent: maxConcurrent, fileReadLimits: fileReadLimits,
                                          logger: log)
            try await engine.start()
            return EngineLease(engine: engine, sessionId: nil, route: route, sessions: sessions, log: log)
        }
        let sessionLog = logger.with("session", id)
        let (engine, created) = try await sessions.checkOut(id, by: caller) {
            try DockerEngine(options: options, maxConcurrent: maxConcurrent, fileReadLimits: fileReadLimits, logger: sessionLog)
        }
        log.debug(.server, created ? route.creatingLine(id) : route.reusingLine(id))
        if created {
            do {
                try await engine.start()
            } catch {
                _ = await sessions.remove(id)
                throw error
            }
        }
        return EngineLease(engine: engine, sessionId: id, route: route, sessions: sessions, log: log)
    }

    /// The Docker host's CPUs and memory, read once.
    private func dockerLimits() async throws -> TargetLimits? {
        try await docker?.limits()
    }

    static var shuttingDown: APIError { APIError(503, "The server is shutting down") }

    /// Runs `body` holding one global permit, with debug lines for both ends (the
    /// release line is a port addition, compat §6.6; tests count concurrency from them). `cancel` is
    /// the run's token: a shutdown fires it.
    func withPermit<T>(_ route: ExecutionRoute, cancel: CancelToken, _ body: () async throws -> T) async throws -> T {
        logger.debug(.server, route.acquiringLine)
        await semaphore.acquire()
        logger.debug(.server, "Semaphore acquired for \(route.path)")
        guard runs.begin(cancel) else {
            await release(route)
            throw Self.shuttingDown
        }
        do {
            let value = try await body()
            runs.end(cancel)
            await release(route)
            return value
        } catch {
            runs.end(cancel)
            await release(route)
            throw error
        }
    }

    private func release(_ route: ExecutionRoute) async {
        logger.debug(.server, "Semaphore released for \(route.path)")
        await semaphore.release()
    }
}
