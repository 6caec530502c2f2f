import Crypto
import Foundation
import Isol8Core
import SQLiteNIO

/// API keys in a SQLite file (compat §6.10). Only the SHA-256 of a key is stored; the key
/// itself is seen once, in the answer to `createKey`.
final class ApiKeyStore: Sendable {
    /// A freshly made key: the only value that carries the plaintext `key`.
    struct Created: Sendable {
        var key: String
        var info: ApiKeyInfo
    }

    private static let schema = [
        "PRAGMA journal_mode=WAL",
        """
        CREATE TABLE IF NOT EXISTS api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL, keyHash TEXT NOT NULL UNIQUE, \
        keyPrefix TEXT NOT NULL, tenantId TEXT NOT NULL, createdAt TEXT NOT NULL, expiresAt TEXT NOT NULL, \
        lastUsedAt TEXT NULL, revoked INTEGER NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX IF NOT EXISTS idx_api_keys_keyHash ON api_keys(keyHash)",
    ]
    private static let infoColumns = "id, name, keyPrefix, tenantId, createdAt, expiresAt, lastUsedAt, revoked"

    /// The SQLite file.
    let path: String
    private let connection: SQLiteConnection
    private let now: @Sendable () -> Date

    private init(path: String, connection: SQLiteConnection, now: @escaping @Sendable () -> Date) {
        self.path = path
        self.connection = connection
        self.now = now
    }

    /// Opens (creating if needed) the file and its table; `now` is the clock for
    /// timestamps and expiry.
    static func open(path: String, now: @escaping @Sendable () -> Date = { Date() }) async throws -> ApiKeyStore {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path))
        } catch {
            throw AuthDatabaseLocation.Unusable(path: path, reason: String(describing: error))
        }
        do {
            for statement in schema { _ = try await connection.query(statement) }
        } catch {
            try? await connection.close()
            throw AuthDatabaseLocation.Unusable(path: path, reason: String(describing: error))
        }
        return ApiKeyStore(path: path, connection: connection, now: now)
    }

    func close() async throws { try await connection.close() }

    func createKey(name: String, tenantId: String, ttlMs: Int) async throws -> Created {
        // The system generator reads the kernel's CSPRNG, which a bearer key needs.
        var random = SystemRandomNumberGenerator()
        let key = "isol8_" + (0..<32).map { _ -> UInt8 in random.next() }.hexString
        let created = now()
        let info = ApiKeyInfo(id: UUID().uuidString.lowercased(), name: name, keyPrefix: String(key.prefix(10)) + "...",
                              tenantId: tenantId, createdAt: WireJSON.isoTimestamp(created),
                              expiresAt: WireJSON.isoTimestamp(created.addingTimeInterval(Double(ttlMs) / 1000)),
                              lastUsedAt: nil, revoked: false)
        _ = try await connection.query(
            "INSERT INTO api_keys (id, name, keyHash, keyPrefix, tenantId, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [.text(info.id), .text(name), .text(Self.hash(key)), .text(info.keyPrefix), .text(tenantId),
             .text(info.createdAt), .text(info.expiresAt)])
        return Created(key: key, info: info)
    }

    /// The key's info when it exists, is not revoked and has not expired; marks it used.
    func validateKey(_ key: String) async throws -> ApiKeyInfo? {
        let rows = try await connection.query("SELECT \(Self.infoColumns) FROM api_keys WHERE keyHash = ?", [.text(Self.hash(key))])
        guard var info = rows.first.map(Self.info), !info.revoked else { return nil }
        let current = now()
        // An unreadable expiry counts as expired: a key must never outlive a date we cannot read.
        guard let expiry = WireJSON.date(fromISO: info.expiresAt), expiry >= current else { return nil }
        info.lastUsedAt = WireJSON.isoTimestamp(current)
        _ = try await connection.query("UPDATE api_keys SET lastUsedAt = ? WHERE id = ?", [.text(info.lastUsedAt!), .text(info.id)])
        return info
    }

    /// Whether a key with this id existed (revoking twice still finds it).
    func revokeKey(id: String) async throws -> Bool {
        !(try await connection.query("UPDATE api_keys SET revoked = 1 WHERE id = ? RETURNING id", [.text(id)])).isEmpty
    }

    /// Newest first; all tenants when `tenantId` is nil.
    func listKeys(tenantId: String? = nil) async throws -> [ApiKeyInfo] {
        // rowid breaks ties between keys made within the same millisecond.
        let order = "ORDER BY createdAt DESC, rowid DESC"
        let rows = if let tenantId {
            try await connection.query("SELECT \(Self.infoColumns) FROM api_keys WHERE tenantId = ? \(order)", [.text(tenantId)])
        } else {
            try await connection.query("SELECT \(Self.infoColumns) FROM api_keys \(order)")
        }
        return rows.map(Self.info)
    }

    /// Deletes revoked and expired keys; returns how many.
    func cleanup() async throws -> Int {
        // Timestamps share one fixed-width UTC format, so text order is time order.
        try await connection.query("DELETE FROM api_keys WHERE revoked = 1 OR expiresAt < ? RETURNING id",
                                   [.text(WireJSON.isoTimestamp(now()))]).count
    }

    /// Lower-case hex SHA-256 of the key's UTF-8: the stored form since the first version, so
    /// keys issued before the move to swift-crypto still verify.
    static func hash(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).hexString
    }

    private static func info(_ row: SQLiteRow) -> ApiKeyInfo {
        func text(_ column: String) -> String { row.column(column)?.string ?? "" }
        return ApiKeyInfo(id: text("id"), name: text("name"), keyPrefix: text("keyPrefix"), tenantId: text("tenantId"),
                          createdAt: text("createdAt"), expiresAt: text("expiresAt"),
                          lastUsedAt: row.column("lastUsedAt")?.string, revoked: (row.column("revoked")?.integer ?? 0) != 0)
    }
}
