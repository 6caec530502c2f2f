import Hummingbird
import NIOCore

/// A request context that carries the authenticated caller from `AuthMiddleware` to the routes.
protocol CallerContext: RequestContext {
    /// nil until `AuthMiddleware` has accepted a key.
    var caller: Caller? { get set }
    /// The client's connection, watched by routes that write nothing until a run ends.
    var channel: any Channel { get }
}

extension CallerContext {
    /// The authenticated caller; a route reached without one (never through the router,
    /// which runs `AuthMiddleware` first) is refused rather than trusted.
    func authenticatedCaller() throws -> Caller {
        guard let caller else { throw APIError(401, "Missing Authorization header") }
        return caller
    }
}
