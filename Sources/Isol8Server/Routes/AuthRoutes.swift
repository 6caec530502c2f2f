import Foundation
import Hummingbird
import Isol8Core
import Logging

/// `/auth/keys` and `/auth/login` (compat §6.5): managing DB-backed API keys. The master-key
/// check has already happened in `AuthMiddleware`; keys are never logged.
struct AuthRoutes: Sendable {
    /// nil when the server runs without `--auth-db`: every route then answers 400.
    let store: ApiKeyStore?
    let defaultTtlMs: Int
    let body: BodyReader
    let logger: Logger

    func register(on router: Router<some RequestContext>) {
        router.post("/auth/keys") { request, _ in try await createKey(request) }
        router.get("/auth/keys") { request, _ in try await listKeys(request) }
        router.delete("/auth/keys/:id") { _, context in try await revokeKey(context.parameters.get("id") ?? "") }
        router.post("/auth/login") { request, _ in try await login(request) }
    }

    private func enabledStore() throws -> ApiKeyStore {
        guard let store else { throw APIError(400, "DB-backed auth is not enabled") }
        return store
    }

    private func createKey(_ request: Request) async throws -> Response {
        let store = try enabledStore()
        let fields = KeyFields(try await body.object(request))
        guard let name = try fields.name() else { throw APIError(400, "name is required") }
        let created = try await store.createKey(name: name, tenantId: try fields.tenantId(), ttlMs: try fields.ttlMs(default: defaultTtlMs))
        let info = created.info
        logger.info(.server, "Created API key: id=\(info.id) name=\(info.name)")
        return JSONResponse.make(.created, .object([
            ("id", .string(info.id)), ("key", .string(created.key)), ("name", .string(info.name)),
            ("keyPrefix", .string(info.keyPrefix)), ("tenantId", .string(info.tenantId)), ("expiresAt", .string(info.expiresAt)),
        ]))
    }

    private func listKeys(_ request: Request) async throws -> Response {
        let store = try enabledStore()
        // `?tenantId=` with no value lists every tenant, as no parameter does.
        let tenant = request.uri.queryParameters.get("tenantId").flatMap { $0.isEmpty ? nil : $0 }
        let keys = try await store.listKeys(tenantId: tenant)
        return JSONResponse.ok(.object([("keys", .array(keys.map(\.json)))]))
    }

    private func revokeKey(_ id: String) async throws -> Response {
        let store = try enabledStore()
        guard try await store.revokeKey(id: id) else { throw APIError(404, "Key not found") }
        logger.info(.server, "Revoked API key: id=\(id)")
        return JSONResponse.ok(.object([("ok", .bool(true)), ("id", .string(id))]))
    }

    /// A key for `isol8 login`: the body is optional and every field has a default.
    private func login(_ request: Request) async throws -> Response {
        let store = try enabledStore()
        let fields = KeyFields(try await body.object(request, lenient: true))
        let name = try fields.name() ?? "login-\(WireJSON.isoTimestamp(Date()))"
        let created = try await store.createKey(name: name, tenantId: try fields.tenantId(), ttlMs: try fields.ttlMs(default: defaultTtlMs))
        logger.info(.server, "Login token issued: id=\(created.info.id)")
        return JSONResponse.ok(.object([("token", .string(created.key)), ("expiresAt", .string(created.info.expiresAt)),
                                        ("keyId", .string(created.info.id))]))
    }
}

/// The `name`, `tenantId` and `ttlMs` of a key request, with their types checked
/// (isol8 stored whatever it was sent; compat §6.5).
private struct KeyFields {
    let object: [String: Any]

    init(_ object: [String: Any]) { self.object = object }

    /// nil when absent or empty.
    func name() throws -> String? {
        guard let value = object["name"], !(value is NSNull) else { return nil }
        guard let name = value as? String else { throw APIError(400, "name must be a string") }
        return name.isEmpty ? nil : name
    }

    func tenantId() throws -> String {
        guard let value = object["tenantId"], !(value is NSNull) else { return "default" }
        guard let tenant = value as? String, !tenant.isEmpty else { throw APIError(400, "tenantId must be a non-empty string") }
        return tenant
    }

    func ttlMs(default fallback: Int) throws -> Int {
        guard let value = object["ttlMs"], !(value is NSNull) else { return fallback }
        // JSON booleans arrive as NSNumber too; their objCType is "c".
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c",
              let ttl = Int(exactly: number.doubleValue), ttl > 0 else {
            throw APIError(400, "ttlMs must be a positive integer (milliseconds)")
        }
        return ttl
    }
}
