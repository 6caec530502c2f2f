import ArgumentParser
import Foundation
import Isol8Core
import Logging
import Isol8Server

struct Serve: Isol8Subcommand {
    static let commandName = "serve"
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the isol8 HTTP API (run code for remote clients).",
        discussion: """
        Environment: ISOL8_API_KEY (the key, when --key is not given), ISOL8_PORT / PORT (the port),
        ISOL8_MAX_BODY_BYTES (largest request body, default 67108864), ISOL8_PRUNE_INTERVAL_MS
        (how often idle sessions are pruned, default 60000).
        """)

    @Option(name: [.short, .long], help: "Port to listen on (default: ISOL8_PORT, PORT, then 3000).")
    var port: String?
    @Option(name: [.short, .long], help: "API key clients must send as 'Authorization: Bearer <key>' (default: ISOL8_API_KEY).")
    var key: String?
    @Option(name: .customLong("auth-db"), help: """
        SQLite file for DB-backed API keys, made with POST /auth/keys or `isol8 login` \
        (default with auth.enabled in the config: auth.connectionString, then ~/.isol8/auth.db).
        """)
    var authDb: String?
    @Option(help: "Interface to listen on: 0.0.0.0 for remote clients, 127.0.0.1 for this host only.")
    var bind = "0.0.0.0"
    @Flag(help: "Accepted for compatibility; the server runs in-process, so there is nothing to update.")
    var update = false
    @Flag(help: "Print debug lines.")
    var debug = false

    func execute() async throws {
        // A server's log is its output: its lines go to the console, stdout included.
        let log = Logger.console("isol8.serve", debug: Console.debugRequested)
        guard let apiKey = key ?? ProcessInfo.processInfo.environment["ISOL8_API_KEY"], !apiKey.isEmpty else {
            throw CLIFailure("[ERR] API key required. Use --key or ISOL8_API_KEY env var.")
        }
        let requested: Int
        do {
            requested = try PortResolver.requested(flag: port)
        } catch {
            throw CLIFailure("[ERR] \(error)")
        }
        log.debug(.serve, "Requested port: \(requested)")
        let chosen = try choosePort(requested)
        log.debug(.serve, "Using port: \(chosen)")
        log.debug(.serve, "API key: \(String(repeating: "*", count: apiKey.count))")

        let loaded: ConfigLoader.Loaded
        do {
            loaded = try ConfigLoader().load()
        } catch {
            throw CLIFailure("[ERR] \(error)")
        }
        for warning in loaded.warnings { Console.warn(warning) }
        var settings = ServerSettings(port: chosen, apiKey: apiKey, bindHost: bind, config: loaded.config,
                                      version: Isol8Command.version, authDbPath: authDb, debug: Console.debugRequested)
        settings.applyEnvironment()
        let server: Isol8Server
        do {
            server = try Isol8Server(settings: settings)
            try await server.run()
        } catch {
            throw CLIFailure("[ERR] \(error)")
        }
        Console.info("[Serve] Shutting down server and cleaning up resources...")
        await server.shutdown()
        Console.info("[Serve] Cleanup complete")
    }

    /// A busy port falls back to a free one; at a terminal the user chooses (compat §6.1).
    private func choosePort(_ requested: Int) throws -> Int {
        var port = requested
        while !PortResolver.isAvailable(port, host: bind) {
            guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
                guard let free = PortResolver.freePort(host: bind) else { throw CLIFailure("[ERR] No free port to fall back to.") }
                Console.warn("Port \(port) is in use. Falling back to available port \(free).")
                return free
            }
            Console.warn("Port \(port) is in use.")
            Console.out("Choose: [1] Enter another port  [2] Find an available port  [3] Exit (default: 2): ")
            switch (readLine() ?? "").trimmingCharacters(in: .whitespaces) {
            case "1":
                Console.out("Port: ")
                let raw = (readLine() ?? "").trimmingCharacters(in: .whitespaces)
                guard let next = Int(raw), (1...65535).contains(next) else {
                    Console.error("[ERR] Invalid port from input: \(raw). Expected 1-65535.")
                    continue
                }
                port = next
            case "", "2":
                guard let free = PortResolver.freePort(host: bind) else { throw CLIFailure("[ERR] No free port to fall back to.") }
                return free
            case "3":
                throw CLIFailure("[ERR] Server startup cancelled.")
            default:
                Console.error("[ERR] Invalid selection. Enter 1, 2, or 3.")
            }
        }
        return port
    }
}
