import Foundation
import Isol8Core

/// Everything `Isol8Server` needs to start.
public struct ServerSettings: Sendable {
    public var port: Int
    /// The static master key (compat §6.2); never logged.
    public var apiKey: String
    /// Interface to listen on; `0.0.0.0` serves remote clients, `127.0.0.1` only this host.
    public var bindHost: String
    public var config: Isol8Config
    public var version: String
    /// Largest accepted request body (and WebSocket message); larger ones get 413.
    /// `ISOL8_MAX_BODY_BYTES` sets it for `isol8 serve`.
    public var maxBodyBytes: Int
    /// Period of the auto-prune loop (compat §6.7 fixes 60 000 ms); `ISOL8_PRUNE_INTERVAL_MS`
    /// shortens it for tests.
    public var pruneIntervalMs: Int
    /// `--auth-db`: the SQLite file for DB-backed API keys; nil leaves it to `config.auth`.
    public var authDbPath: String?
    /// `--debug`: the server's `[DEBUG]` lines (each engine also follows its own `debug` option).
    public var debug: Bool

    public static let defaultMaxBodyBytes = 64 * 1024 * 1024
    public static let defaultPruneIntervalMs = 60_000

    public init(port: Int, apiKey: String, bindHost: String = "0.0.0.0", config: Isol8Config = Isol8Config(),
                version: String, maxBodyBytes: Int = ServerSettings.defaultMaxBodyBytes,
                pruneIntervalMs: Int = ServerSettings.defaultPruneIntervalMs, authDbPath: String? = nil,
                debug: Bool = false) {
        self.port = port
        self.apiKey = apiKey
        self.bindHost = bindHost
        self.config = config
        self.version = version
        self.maxBodyBytes = maxBodyBytes
        self.pruneIntervalMs = pruneIntervalMs
        self.authDbPath = authDbPath
        self.debug = debug
    }

    /// Reads `ISOL8_MAX_BODY_BYTES` and `ISOL8_PRUNE_INTERVAL_MS` (positive integers) over the defaults.
    public mutating func applyEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let value = environment["ISOL8_MAX_BODY_BYTES"].flatMap(Int.init), value > 0 { maxBodyBytes = value }
        if let value = environment["ISOL8_PRUNE_INTERVAL_MS"].flatMap(Int.init), value > 0 { pruneIntervalMs = value }
    }
}
