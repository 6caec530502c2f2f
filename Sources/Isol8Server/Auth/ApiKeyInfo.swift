import Foundation
import Isol8Core

/// What the server tells about a stored key (compat §6.10): never the key nor its hash.
struct ApiKeyInfo: Sendable, Equatable {
    var id: String
    var name: String
    var keyPrefix: String
    var tenantId: String
    var createdAt: String
    var expiresAt: String
    var lastUsedAt: String?
    var revoked: Bool

    var json: JSONValue {
        .object([("id", .string(id)), ("name", .string(name)), ("keyPrefix", .string(keyPrefix)),
                 ("tenantId", .string(tenantId)), ("createdAt", .string(createdAt)), ("expiresAt", .string(expiresAt)),
                 ("lastUsedAt", lastUsedAt.map(JSONValue.string) ?? .null), ("revoked", .bool(revoked))])
    }
}
