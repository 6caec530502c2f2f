import Foundation
import Hummingbird
import Isol8Core

/// `POST /file` and `GET /file` on a session's container (spec §6.5).
struct FileRoutes: Sendable {
    let resources: ServerResources

    func register(on router: Router<some RequestContext>) {
        router.post("/file") { request, _ in try await upload(request) }
        router.get("/file") { request, _ in try await download(request) }
    }

    func upload(_ request: Request) async throws -> Response {
        let body = try await resources.body.object(request)
        guard let sessionId = body["sessionId"] as? String, let path = body["path"] as? String,
              let content = body["content"] as? String else {
            throw APIError(400, "Missing sessionId, path or content")
        }
        DebugLog.debug("[Server] POST /file sessionId=\(sessionId) path=\(path)")
        guard let data = Data(base64Encoded: content) else { throw APIError(400, "content is not valid base64") }
        guard let engine = await resources.sessions.touch(sessionId) else {
            DebugLog.debug("[Server] Session not found: \(sessionId)")
            return JSONResponse.error(404, "Session not found")
        }
        do {
            try await engine.putFile(path, data)
        } catch {
            return JSONResponse.error(Self.status(for: error), WireJSON.message(of: error))
        }
        DebugLog.debug("[Server] File uploaded: \(path) (\(data.count) bytes)")
        return JSONResponse.ok(JSONResponse.okTrue)
    }

    func download(_ request: Request) async throws -> Response {
        let sessionId = request.uri.queryParameters.get("sessionId")
        let path = request.uri.queryParameters.get("path")
        guard let sessionId, !sessionId.isEmpty, let path, !path.isEmpty else {
            return JSONResponse.error(400, "Missing sessionId or path")
        }
        DebugLog.debug("[Server] GET /file sessionId=\(sessionId) path=\(path)")
        guard let engine = await resources.sessions.touch(sessionId) else {
            DebugLog.debug("[Server] Session not found: \(sessionId)")
            return JSONResponse.error(404, "Session not found")
        }
        let data: Data
        do {
            data = try await engine.getFile(path)
        } catch {
            return JSONResponse.error(Self.status(for: error), WireJSON.message(of: error))
        }
        DebugLog.debug("[Server] File downloaded: \(path) (\(data.count) bytes)")
        return JSONResponse.ok(.object([("content", .string(data.base64EncodedString()))]))
    }

    /// [rec] §6.5: a file that is not there is a 404, a path outside the sandbox a 400,
    /// anything else (Docker trouble) a 500.
    static func status(for error: Error) -> Int {
        switch error {
        case Isol8Error.fileRead: return 404
        case Isol8Error.pathOutsideSandbox: return 400
        case Isol8Error.noActiveContainer: return 409
        default: return 500
        }
    }
}
