import ArgumentParser
import Foundation
import Isol8Core

/// `isol8 login` (compat §8.7): trades the master key for a DB-backed key of limited life and
/// stores it, so later `--host` commands need no `--key`.
struct Login: Isol8Subcommand {
    static let commandName = "login"
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Get a short-lived API key from an isol8 server and store it in ~/.isol8/credentials.json.",
        discussion: "The server must run with --auth-db (or auth.enabled in its config). `isol8 logout` forgets the key.")

    @Option(help: "isol8 server URL, e.g. http://localhost:3000.")
    var host: String
    @Option(help: "The server's master key (default: ISOL8_API_KEY).")
    var key: String?
    @Option(help: "Name the server records for the key (default: cli-login-<timestamp>).")
    var name: String?
    @Option(help: "Lifetime of the key in milliseconds (default: the server's auth.defaultTtlMs).")
    var ttl: String?
    @Flag(help: "Print debug lines.")
    var debug = false

    func execute() async throws {
        guard let masterKey = key ?? ProcessInfo.processInfo.environment["ISOL8_API_KEY"], !masterKey.isEmpty else {
            throw CLIFailure("[ERR] Master key required. Use --key or ISOL8_API_KEY env var.")
        }
        let ttlMs = try ttl.map { raw in
            guard let value = Int(raw), value > 0 else { throw CLIFailure("[ERR] --ttl must be a positive number of milliseconds, got: \(raw)") }
            return value
        }
        let credentials: StoredCredentials
        do {
            credentials = try await LoginClient(host: host).login(
                masterKey: masterKey, name: name ?? "cli-login-\(WireJSON.isoTimestamp(Date()))", ttlMs: ttlMs)
        } catch LoginClient.Failure.rejected(400, let message) {
            throw CLIFailure("""
                [ERR] Authentication failed: \(message)
                [WARN] DB-backed auth may not be enabled on the server.
                [WARN] Start the server with --auth-db <path> to enable it.
                """)
        } catch {
            throw CLIFailure("[ERR] \(error)")
        }
        do {
            try credentials.save()
        } catch {
            throw CLIFailure("[ERR] Cannot write \(StoredCredentials.path()): \(error.localizedDescription)")
        }
        Console.log.debug(.login, "Stored key id=\(credentials.keyId)")
        Console.info("Authenticated successfully")
        Console.info("  Host:    \(credentials.host)")
        Console.info("  Expires: \(WireJSON.date(fromISO: credentials.expiresAt).map(Cleanup.localTime) ?? credentials.expiresAt)")
        Console.info("  Stored:  ~/.isol8/credentials.json")
    }
}
