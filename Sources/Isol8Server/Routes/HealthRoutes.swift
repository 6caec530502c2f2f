import Hummingbird
import Isol8Core

/// `GET /health`, the one route without auth.
struct HealthRoutes: Sendable {
    let version: String

    func register(on router: Router<some RequestContext>) {
        let body = JSONValue.object([("status", .string("ok")), ("version", .string(version))])
        router.get("/health") { _, _ in JSONResponse.ok(body) }
    }
}
