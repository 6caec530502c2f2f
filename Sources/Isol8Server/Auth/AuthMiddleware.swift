import Foundation
import Hummingbird
import Isol8Core
import Logging

/// Bearer-key check on every route but `/health` (compat §6.2), the WebSocket upgrade
/// included: 401 without the header, 403 for a key that is neither the master key nor a
/// valid DB-backed one, and 403 for a DB-backed key on the master-only `/auth/*` routes.
/// Runs before routing, so an unknown path answers 401/403 before it can answer 404.
/// Port addition: `POST /cleanup` is master-only too (it removes every tenant's sessions),
/// and so is `GET /debug/events` (its lines name every tenant's sessions); the routes learn
/// the caller, so a tenant's key reaches only its tenant's sessions.
struct AuthMiddleware<Context: CallerContext>: RouterMiddleware {
    /// Routes that act on the whole server rather than on the caller's own sessions.
    static func isMasterOnly(_ path: String) -> Bool {
        path.hasPrefix("/auth/") || path == "/cleanup" || path.hasPrefix("/debug/")
    }

    let apiKey: String
    /// nil without DB-backed auth: only the master key is accepted then.
    let store: ApiKeyStore?
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/health" { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            return JSONResponse.error(401, "Missing Authorization header")
        }
        let token = Self.token(from: header)
        var context = context
        if Self.constantTimeEqual(token, apiKey) {
            context.caller = .master
            return try await next(request, context)
        }
        guard let key = try await store?.validateKey(token) else {
            return JSONResponse.error(403, "Invalid API key")
        }
        // Here, before the routes' "DB-backed auth is not enabled" answer (compat §6.2 fixes the order).
        if Self.isMasterOnly(request.uri.path) {
            return JSONResponse.error(403, "Master key required for this operation")
        }
        logger.debug(.server, "Authenticated API key: id=\(key.id) tenantId=\(key.tenantId)")
        context.caller = .tenant(key.tenantId)
        return try await next(request, context)
    }

    /// The header minus a leading `Bearer` and whitespace (any case); a raw key works too.
    static func token(from header: String) -> String {
        guard header.count >= 6, header.prefix(6).lowercased() == "bearer" else { return header }
        let rest = header.dropFirst(6)
        guard let first = rest.first, first.isWhitespace else { return header }
        return String(rest.drop { $0.isWhitespace })
    }

    /// Takes as long for a near miss as for a far one, so timing does not leak the key.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0xFF)
        }
        return difference == 0
    }
}
