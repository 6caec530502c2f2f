import Foundation
import Isol8Core

/// Where the API-key database lives (compat §6.1 step 4, §6.10): `--auth-db`, else with
/// `auth.enabled` the config's `auth.connectionString` or `~/.isol8/auth.db`.
/// This port keeps keys in SQLite only, so server URLs are refused at startup.
public enum AuthDatabaseLocation {
    public struct UnsupportedBackend: Error, CustomStringConvertible {
        public let backend: String
        // The connection string is left out on purpose: it usually carries a password.
        public var description: String {
            "Unsupported auth backend: \(backend). This port keeps API keys in SQLite only: "
                + "use a SQLite path with --auth-db (e.g. --auth-db ~/.isol8/auth.db) or in auth.connectionString."
        }
    }

    public struct Unusable: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String {
            "Cannot use auth DB \(path): \(reason). Check --auth-db or auth.connectionString."
        }
    }

    /// The SQLite file to use, or nil when DB-backed auth is off. A leading `~/` means `home`.
    public static func resolve(flag: String?, auth: Isol8Config.Auth, home: String) throws -> String? {
        guard let connection = flag ?? (auth.enabled ? auth.connectionString ?? "~/.isol8/auth.db" : nil) else { return nil }
        // SQLite would quietly open a throwaway database for an empty name.
        guard !connection.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Unusable(path: "\"\"", reason: "the path is empty")
        }
        let lowered = connection.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") { throw UnsupportedBackend(backend: "postgres") }
        if lowered.hasPrefix("mysql://") { throw UnsupportedBackend(backend: "mysql") }
        return connection.hasPrefix("~/") ? home + connection.dropFirst(1) : connection
    }

    /// Creates the folder the file goes in (URIs with `://` are left to SQLite).
    public static func prepare(_ path: String) throws {
        guard !path.contains("://") else { return }
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Unusable(path: path, reason: "cannot create \(folder) (\(error.localizedDescription))")
        }
    }
}
