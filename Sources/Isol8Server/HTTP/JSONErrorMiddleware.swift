import Foundation
import Hummingbird
import Isol8Core

/// Turns every failure that escapes a route into `{"error": …}` JSON with its status
/// (compat §6.5: JSON 400/404/413/500 instead of the framework's plain text).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return JSONResponse.error(error.status, error.message)
        } catch let error as HTTPError {
            return JSONResponse.error(Int(error.status.code), error.body ?? error.status.reasonPhrase)
        } catch let error as HTTPResponseError {
            return JSONResponse.error(Int(error.status.code), error.status.reasonPhrase)
        } catch {
            return JSONResponse.error(500, WireJSON.message(of: error))
        }
    }
}
