import Crypto
import Foundation
import XCTest
import Isol8Core
import SQLiteNIO
@testable import Isol8Server

/// The SQLite key store on its own (compat §6.10), against a temporary file and a clock the
/// test moves.
final class ApiKeyStoreTests: XCTestCase {
    private final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_800_000_000)
        var now: Date { lock.withLock { current } }
        func advance(ms: Int) { lock.withLock { current.addTimeInterval(Double(ms) / 1000) } }
    }

    private var path = ""
    private let clock = Clock()
    private var store: ApiKeyStore!

    override func setUp() async throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-keys-\(UUID().uuidString).db").path
        let clock = clock
        store = try await ApiKeyStore.open(path: path) { clock.now }
    }

    override func tearDown() async throws {
        try await store.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    func testTheFileHoldsOnlyTheKeysHashInWALMode() async throws {
        let created = try await store.createKey(name: "ci", tenantId: "acme", ttlMs: 60_000)
        XCTAssertNotNil(created.key.range(of: "^isol8_[0-9a-f]{64}$", options: .regularExpression), created.key)
        XCTAssertEqual(created.info.keyPrefix, String(created.key.prefix(10)) + "...")
        XCTAssertNotNil(UUID(uuidString: created.info.id))
        XCTAssertEqual(created.info.expiresAt, WireJSON.isoTimestamp(clock.now.addingTimeInterval(60)))

        let raw = try await SQLiteConnection.open(storage: .file(path: path))
        let mode = try await raw.query("PRAGMA journal_mode")
        let rows = try await raw.query("SELECT * FROM api_keys")
        let index = try await raw.query("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'api_keys' AND sql IS NOT NULL")
        try await raw.close()
        XCTAssertEqual(mode.first?.column("journal_mode")?.string, "wal")
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?.column("keyHash")?.string, SHA256.hash(data: Data(created.key.utf8)).hexString)
        XCTAssertFalse(rows.description.contains(created.key))
        XCTAssertTrue(index.contains { $0.column("sql")?.string?.contains("keyHash") == true }, "\(index)")
    }

    func testValidationMarksUseAndRefusesUnknownRevokedAndExpiredKeys() async throws {
        let created = try await store.createKey(name: "ci", tenantId: "acme", ttlMs: 1_000)
        let unknown = try await store.validateKey("isol8_" + String(repeating: "0", count: 64))
        XCTAssertNil(unknown)
        clock.advance(ms: 400)
        let info = try await store.validateKey(created.key)
        XCTAssertEqual(info?.tenantId, "acme")
        XCTAssertEqual(info?.lastUsedAt, WireJSON.isoTimestamp(clock.now))
        let listed = try await store.listKeys()
        XCTAssertEqual(listed.first?.lastUsedAt, WireJSON.isoTimestamp(clock.now))

        clock.advance(ms: 1_000)
        let expired = try await store.validateKey(created.key)
        XCTAssertNil(expired)

        let other = try await store.createKey(name: "other", tenantId: "acme", ttlMs: 60_000)
        let revoked = try await store.revokeKey(id: other.info.id)
        XCTAssertTrue(revoked)
        let refused = try await store.validateKey(other.key)
        XCTAssertNil(refused)
        let missing = try await store.revokeKey(id: "no-such-id")
        XCTAssertFalse(missing)
    }

    /// A row written by a version that hashed with its own SHA-256: the digest below is what that
    /// code computed for this key, so a stored key keeps working across the swift-crypto move.
    func testKeyHashedByEarlierVersionsStillValidates() async throws {
        let key = "isol8_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        let storedHash = "c4f8fd3b2c05d562fbc032c99e1516b859a8e68c3958bcf924ed29eab138cbea"
        let raw = try await SQLiteConnection.open(storage: .file(path: path))
        _ = try await raw.query(
            "INSERT INTO api_keys (id, name, keyHash, keyPrefix, tenantId, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [.text("old-key"), .text("old"), .text(storedHash), .text("isol8_0123..."), .text("acme"),
             .text(WireJSON.isoTimestamp(clock.now)), .text(WireJSON.isoTimestamp(clock.now.addingTimeInterval(60)))])
        try await raw.close()

        let info = try await store.validateKey(key)
        XCTAssertEqual(info?.id, "old-key")
        let wrong = try await store.validateKey(String(key.dropLast()) + "0")
        XCTAssertNil(wrong)
    }

    func testListingIsNewestFirstAndFiltersByTenant() async throws {
        let first = try await store.createKey(name: "first", tenantId: "a", ttlMs: 60_000)
        clock.advance(ms: 10)
        let second = try await store.createKey(name: "second", tenantId: "b", ttlMs: 60_000)
        // Same millisecond: creation order still decides.
        let third = try await store.createKey(name: "third", tenantId: "a", ttlMs: 60_000)
        let all = try await store.listKeys()
        XCTAssertEqual(all.map(\.id), [third.info.id, second.info.id, first.info.id])
        let tenantA = try await store.listKeys(tenantId: "a")
        XCTAssertEqual(tenantA.map(\.name), ["third", "first"])
        XCTAssertEqual(tenantA.first, third.info)
        XCTAssertEqual(third.info.createdAt, WireJSON.isoTimestamp(clock.now))
    }

    func testCleanupDeletesRevokedAndExpiredKeysOnly() async throws {
        let revoked = try await store.createKey(name: "revoked", tenantId: "t", ttlMs: 60_000)
        _ = try await store.createKey(name: "short", tenantId: "t", ttlMs: 1_000)
        let live = try await store.createKey(name: "live", tenantId: "t", ttlMs: 60_000)
        _ = try await store.revokeKey(id: revoked.info.id)
        clock.advance(ms: 2_000)
        let removed = try await store.cleanup()
        XCTAssertEqual(removed, 2)
        let left = try await store.listKeys()
        XCTAssertEqual(left.map(\.id), [live.info.id])
        let again = try await store.cleanup()
        XCTAssertEqual(again, 0)
    }

    func testServerURLsAreRefusedAndHomeIsExpanded() throws {
        var auth = Isol8Config().auth
        XCTAssertNil(try AuthDatabaseLocation.resolve(flag: nil, auth: auth, home: "/h"))
        auth.enabled = true
        XCTAssertEqual(try AuthDatabaseLocation.resolve(flag: nil, auth: auth, home: "/h"), "/h/.isol8/auth.db")
        auth.connectionString = "/var/keys.db"
        XCTAssertEqual(try AuthDatabaseLocation.resolve(flag: nil, auth: auth, home: "/h"), "/var/keys.db")
        XCTAssertEqual(try AuthDatabaseLocation.resolve(flag: "~/k.db", auth: auth, home: "/h"), "/h/k.db")
        XCTAssertThrowsError(try AuthDatabaseLocation.resolve(flag: " ", auth: auth, home: "/h")) { error in
            XCTAssertEqual(String(describing: error), #"Cannot use auth DB "": the path is empty. Check --auth-db or auth.connectionString."#)
        }
        for (url, backend) in [("postgres://u:pw@h/db", "postgres"), ("POSTGRESQL://h/db", "postgres"), ("mysql://u:pw@h/db", "mysql")] {
            XCTAssertThrowsError(try AuthDatabaseLocation.resolve(flag: url, auth: auth, home: "/h")) { error in
                let text = String(describing: error)
                XCTAssertTrue(text.hasPrefix("Unsupported auth backend: \(backend). "), text)
                XCTAssertTrue(text.contains("--auth-db"), text)
                XCTAssertFalse(text.contains("pw"), text)
            }
        }
    }
}
