import Foundation
import Hummingbird
import HummingbirdWebSocket
import Isol8Core
import ServiceLifecycle

/// The isol8 HTTP API (spec §6) on Hummingbird: routes, auth (master and DB-backed keys),
/// sessions, the global semaphore and the prune loop. `run()` serves until SIGINT/SIGTERM
/// and closes the key store; then call `shutdown()` to stop every session engine.
public final class Isol8Server: Sendable {
    public let settings: ServerSettings
    private let resources: ServerResources

    public init(settings: ServerSettings) throws {
        self.settings = settings
        resources = try ServerResources(config: settings.config, maxBodyBytes: settings.maxBodyBytes)
    }

    /// Serves until SIGINT/SIGTERM, then returns once the listener has closed and in-flight
    /// requests have ended. `onListening` gets the bound port (after the banner).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let config = settings.config
        DebugLog.debug("[Server] Config loaded")
        DebugLog.debug("[Server] Max concurrent: \(config.maxConcurrent)")
        DebugLog.debug("[Server] Auto-prune: \(config.cleanup.autoPrune)")
        await reapOrphans()
        await buildPrebuiltImages()
        let keys = try await openKeyStore()
        let authDb = keys?.path

        let version = settings.version
        let refusals = RefusedUpgrades()
        let router = makeRouter(keys: keys, refusals: refusals)
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router, configuration: .init(
                http1: .init(additionalChannelHandlers: [RefusedUpgradeWriter(refusals: refusals)],
                             idleTimeout: .milliseconds(Int64(config.server.idleTimeoutMs))),
                ws: .init(maxFrameSize: settings.maxBodyBytes, autoPing: .enabled(timePeriod: Self.webSocketPingPeriod)))),
            configuration: .init(address: .hostname(settings.bindHost, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                ServerConsole.info("[INFO] isol8 server v\(version) listening on http://localhost:\(port)")
                ServerConsole.info("       Auth: Bearer token required")
                if let authDb { ServerConsole.info("       Auth DB: \(authDb)") }
                onListening(port)
            }
        )
        let prune = config.cleanup.autoPrune
            ? Task { await PruneLoop(sessions: resources.sessions, maxAgeMs: config.cleanup.maxContainerAgeMs,
                                      intervalMs: settings.pruneIntervalMs).run() }
            : nil
        defer { prune?.cancel() }
        let keyCleanup = keys.flatMap { store in
            config.auth.cleanupIntervalMs > 0
                ? Task { await KeyCleanupLoop(store: store, intervalMs: config.auth.cleanupIntervalMs).run() } : nil
        }
        // The loop may be mid-query: let it finish before the connection goes away.
        let closeKeys = {
            keyCleanup?.cancel()
            await keyCleanup?.value
            try? await keys?.close()
        }
        // The run canceller comes last, so the group tells it first (see RunCancellingService).
        var services = ServiceGroupConfiguration(services: [app, RunCancellingService(runs: resources.runs)],
                                                 gracefulShutdownSignals: [.sigterm, .sigint], logger: app.logger)
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

    /// Spec §6.1 step 4: the key store when `--auth-db` or `auth.enabled` asks for one.
    private func openKeyStore() async throws -> ApiKeyStore? {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        guard let path = try AuthDatabaseLocation.resolve(flag: settings.authDbPath, auth: settings.config.auth, home: home) else {
            return nil
        }
        try AuthDatabaseLocation.prepare(path)
        let store = try await ApiKeyStore.open(path: path)
        ServerConsole.info("[Server] DB-backed auth enabled: \(path)")
        return store
    }

    /// Stops every session engine; call after `run()` returns.
    /// [rec] Unlike the original, shutdown does not remove every isol8 container and image
    /// on the host: other engines on the same daemon may be using them; `POST /cleanup` does.
    public func shutdown() async {
        let stopped = await CleanupCoordinator.stopSessions(resources.sessions)
        DebugLog.debug("[Server] Stopped \(stopped.removed) session(s)")
    }

    /// One router serves both plain HTTP and the WebSocket upgrade, so the auth
    /// middleware guards the upgrade request too.
    private func makeRouter(keys: ApiKeyStore?, refusals: RefusedUpgrades) -> Router<Isol8RequestContext> {
        let router = Router(context: Isol8RequestContext.self)
        // Middleware first: routes added later are wrapped by it, and so is "not found".
        router.add(middleware: UpgradeRefusalMiddleware(refusals: refusals))
        router.add(middleware: JSONErrorMiddleware())
        router.add(middleware: AuthMiddleware(apiKey: settings.apiKey, store: keys))
        HealthRoutes(version: settings.version).register(on: router)
        ExecuteRoutes(resources: resources).register(on: router)
        WebSocketRoutes(resources: resources, maxMessageBytes: settings.maxBodyBytes).register(on: router)
        FileRoutes(resources: resources).register(on: router)
        SessionRoutes(resources: resources).register(on: router)
        SessionContainerRoutes(resources: resources).register(on: router)
        CleanupRoutes(resources: resources).register(on: router)
        AuthRoutes(store: keys, defaultTtlMs: settings.config.auth.defaultTtlMs, body: resources.body).register(on: router)
        return router
    }

    /// Port addition: removes the containers of isol8 processes on this host that are gone
    /// — a server killed with -9 leaves its sessions' containers behind. Failures only log:
    /// the server can serve without it.
    private func reapOrphans() async {
        do {
            let removed = try await OrphanReaper(client: try DockerClient.fromEnvironment()).reap()
            if !removed.isEmpty { ServerConsole.info("[Server] Removed \(removed.count) orphaned container(s) of isol8 processes that are gone") }
        } catch {
            DebugLog.debug("[Server] Cannot look for orphaned containers: \(WireJSON.message(of: error))")
        }
    }

    /// Spec §6.1 step 3: builds the config's missing `prebuiltImages` before serving. A
    /// failed build is reported and the server starts anyway: executions that do not use
    /// that image still work.
    private func buildPrebuiltImages() async {
        guard !settings.config.prebuiltImages.isEmpty else { return }
        let client: DockerClient
        do {
            client = try DockerClient.fromEnvironment()
        } catch {
            return ServerConsole.error("[Server] Cannot build prebuilt images: \(WireJSON.message(of: error))")
        }
        let index = settings.config.packages.overridden(by: ProcessInfo.processInfo.environment)
        let builder = CustomImageBuilder(client: client, packageIndex: index)
        for image in settings.config.prebuiltImages {
            if (try? await client.inspectImage(image.tag)) != nil {
                ServerConsole.info("[Server] Prebuilt image \(image.tag) already exists, skipping build")
                continue
            }
            let packages = CustomImageBuilder.normalize(image.installPackages).joined(separator: ", ")
            ServerConsole.info("[Server] Building prebuilt image \(image.tag) (\(image.runtime): \(packages))")
            do {
                guard let runtime = Runtime(rawValue: image.runtime) else { throw Isol8Error.unknownRuntime(image.runtime) }
                _ = try await builder.build(runtime: runtime, tag: image.tag, packages: image.installPackages,
                                            setupScript: image.setupScript, force: true)
                ServerConsole.info("[Server] Prebuilt image \(image.tag) ready")
            } catch {
                ServerConsole.error("[Server] Prebuilt image \(image.tag) failed to build: \(WireJSON.message(of: error))")
            }
        }
    }
}
