import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Isol8Core
import Logging
import ServiceLifecycle

/// The isol8 HTTP API (compat §6) on Hummingbird: routes, auth (master and DB-backed keys),
/// sessions, the global semaphore and the prune loop. `run()` serves until SIGINT/SIGTERM/SIGHUP
/// and closes the key store; then call `shutdown()` to stop every session engine.
public final class Isol8Server: Sendable {
    public let settings: ServerSettings
    private let resources: ServerResources
    private let logger: Logger
    private let debugLines = DebugLineHub()

    /// Lines go to `console` (`[DEBUG]` lines only as `settings.debug` says) and, all of them,
    /// to `GET /debug/events`.
    public init(settings: ServerSettings, console: @escaping LineLogHandler.Write = LineLogHandler.console) throws {
        self.settings = settings
        let consoleLevel: Logger.Level = settings.debug ? .debug : .info
        let logger = Logger(label: "isol8.server") { [debugLines] _ in
            MultiplexLogHandler([LineLogHandler(logLevel: consoleLevel, write: console), debugLines.handler()])
        }
        self.logger = logger
        resources = try ServerResources(config: settings.config, maxBodyBytes: settings.maxBodyBytes, logger: logger)
    }

    /// Serves until SIGINT/SIGTERM (or SIGHUP: a closed terminal), then returns once the listener has closed and in-flight
    /// requests have ended. `onListening` gets the bound port (after the banner).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let config = settings.config
        logger.debug(.server, "Config loaded")
        logger.debug(.server, "Max concurrent: \(config.maxConcurrent)")
        logger.debug(.server, "Auto-prune: \(config.cleanup.autoPrune)")
        await reapOrphans()
        await buildPrebuiltImages()
        let keys = try await openKeyStore()
        let authDb = keys?.path

        let version = settings.version
        let logger = logger
        let refusals = RefusedUpgrades()
        let router = makeRouter(keys: keys, refusals: refusals)
        let idleTimeoutMs = Int64(config.server.idleTimeoutMs)
        let channelConfiguration = HTTP1WebSocketUpgradeChannel.Configuration(
            http1: .init(additionalChannelHandlers: [RefusedUpgradeWriter(refusals: refusals)], idleTimeout: .milliseconds(idleTimeoutMs)),
            ws: .init(maxFrameSize: settings.maxBodyBytes, autoPing: .enabled(timePeriod: Self.webSocketPingPeriod)))
        // What `.http1WebSocketUpgrade(webSocketRouter:)` builds, behind a deadline for the first head.
        let webSocketResponder = router.buildResponder()
        let app = Application(
            router: router,
            server: HTTPServerBuilder { responder in
                HeadDeadlineChannel(inner: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder,
                                                                        configuration: channelConfiguration),
                                    timeout: .milliseconds(idleTimeoutMs))
            },
            configuration: .init(address: .hostname(settings.bindHost, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("[INFO] isol8 server v\(version) listening on http://localhost:\(port)")
                logger.info("       Auth: Bearer token required")
                if let authDb { logger.info("       Auth DB: \(authDb)") }
                onListening(port)
            }
        )
        let prune = config.cleanup.autoPrune
            ? Task { await PruneLoop(sessions: resources.sessions, maxAgeMs: config.cleanup.maxContainerAgeMs,
                                      intervalMs: settings.pruneIntervalMs, logger: logger).run() }
            : nil
        defer { prune?.cancel() }
        let keyCleanup = keys.flatMap { store in
            config.auth.cleanupIntervalMs > 0
                ? Task { await KeyCleanupLoop(store: store, intervalMs: config.auth.cleanupIntervalMs, logger: logger).run() } : nil
        }
        // The loop may be mid-query: let it finish before the connection goes away.
        let closeKeys = {
            keyCleanup?.cancel()
            await keyCleanup?.value
            try? await keys?.close()
        }
        // The run canceller comes last, so the group tells it first (see RunCancellingService).
        var services = ServiceGroupConfiguration(services: [app, RunCancellingService(runs: resources.runs, debugLines: debugLines, logger: logger)],
                                                 gracefulShutdownSignals: [.sigterm, .sigint, .sighup], logger: app.logger)
        services.maximumGracefulShutdownDuration = Self.maximumShutdown
        do {
            try await ServiceGroup(configuration: services).run()
        } catch {
            await closeKeys()
            throw error
        }
        await closeKeys()
    }

    /// How often a WebSocket peer is pinged; one that misses a pong is dropped, which
    /// cancels its run.
    static let webSocketPingPeriod = Duration.seconds(5)
    /// A shutdown that takes longer (a run that ignores cancellation) is cut short.
    static let maximumShutdown = Duration.seconds(10)

    /// compat §6.1 step 4: the key store when `--auth-db` or `auth.enabled` asks for one.
    private func openKeyStore() async throws -> ApiKeyStore? {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        guard let path = try AuthDatabaseLocation.resolve(flag: settings.authDbPath, auth: settings.config.auth, home: home) else {
            return nil
        }
        try AuthDatabaseLocation.prepare(path)
        let store = try await ApiKeyStore.open(path: path)
        logger.info(.server, "DB-backed auth enabled: \(path)")
        return store
    }

    /// Stops every session engine; call after `run()` returns.
    /// Unlike isol8 (compat §6.1), shutdown does not remove every isol8 container and image
    /// on the host: other engines on the same daemon may be using them; `POST /cleanup` does.
    public func shutdown() async {
        let stopped = await CleanupCoordinator.stopSessions(resources.sessions)
        logger.debug(.server, "Stopped \(stopped.removed) session(s)")
    }

    /// One router serves both plain HTTP and the WebSocket upgrade, so the auth
    /// middleware guards the upgrade request too.
    private func makeRouter(keys: ApiKeyStore?, refusals: RefusedUpgrades) -> Router<Isol8RequestContext> {
        let router = Router(context: Isol8RequestContext.self)
        // Middleware first: routes added later are wrapped by it, and so is "not found".
        router.add(middleware: UpgradeRefusalMiddleware(refusals: refusals))
        router.add(middleware: JSONErrorMiddleware())
        router.add(middleware: AuthMiddleware(apiKey: settings.apiKey, store: keys, logger: logger))
        HealthRoutes(version: settings.version).register(on: router)
        ExecuteRoutes(resources: resources).register(on: router)
        WebSocketRoutes(resources: resources, maxMessageBytes: settings.maxBodyBytes).register(on: router)
        FileRoutes(resources: resources).register(on: router)
        SessionRoutes(resources: resources).register(on: router)
        SessionContainerRoutes(resources: resources).register(on: router)
        DebugEventRoutes(lines: debugLines).register(on: router)
        CleanupRoutes(resources: resources).register(on: router)
        AuthRoutes(store: keys, defaultTtlMs: settings.config.auth.defaultTtlMs, body: resources.body, logger: logger).register(on: router)
        return router
    }

    /// Port addition: removes the containers of isol8 processes on this host that are gone
    /// — a server killed with -9 leaves its sessions' containers behind. Failures only log:
    /// the server can serve without it.
    private func reapOrphans() async {
        do {
            let removed = try await OrphanReaper(host: try DockerHost.fromEnvironment(), logger: logger).reap()
            if !removed.isEmpty { logger.info(.server, "Removed \(removed.count) orphaned container(s) of isol8 processes that are gone") }
        } catch {
            logger.debug(.server, "Cannot look for orphaned containers: \(WireJSON.message(of: error))")
        }
    }

    /// compat §6.1 step 3: builds the config's missing `prebuiltImages` before serving. A
    /// failed build is reported and the server starts anyway: executions that do not use
    /// that image still work.
    private func buildPrebuiltImages() async {
        guard !settings.config.prebuiltImages.isEmpty else { return }
        let host: DockerHost
        do {
            host = try DockerHost.fromEnvironment()
        } catch {
            return logger.error(.server, "Cannot build prebuilt images: \(WireJSON.message(of: error))")
        }
        let index = settings.config.packages.overridden(by: ProcessInfo.processInfo.environment)
        let builder = CustomImageBuilder(host: host, packageIndex: index, logger: logger)
        for image in settings.config.prebuiltImages {
            if (try? await host.hasImage(image.tag)) == true {
                logger.info(.server, "Prebuilt image \(image.tag) already exists, skipping build")
                continue
            }
            let packages = CustomImageBuilder.normalize(image.installPackages).joined(separator: ", ")
            logger.info(.server, "Building prebuilt image \(image.tag) (\(image.runtime): \(packages))")
            do {
                guard let runtime = Runtime(rawValue: image.runtime) else { throw Isol8Error.unknownRuntime(image.runtime) }
                _ = try await builder.build(runtime: runtime, tag: image.tag, packages: image.installPackages,
                                            setupScript: image.setupScript, force: true)
                logger.info(.server, "Prebuilt image \(image.tag) ready")
            } catch {
                logger.error(.server, "Prebuilt image \(image.tag) failed to build: \(WireJSON.message(of: error))")
            }
        }
    }
}
