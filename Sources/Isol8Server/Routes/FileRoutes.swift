import Foundation
import Hummingbird
import Isol8Core
import Logging

/// `POST /file` and `GET /file` on a session's container (compat §6.5).
struct FileRoutes: Sendable {
    let resources: ServerResources

    func register(on router: Router<some CallerContext>) {
        router.post("/file") { request, context in try await upload(request, caller: try context.authenticatedCaller()) }
        router.get("/file") { request, context in try await download(request, caller: try context.authenticatedCaller()) }
    }

    func upload(_ request: Request, caller: Caller) async throws -> Response {
        let body = try await resources.body.object(request)
        guard let sessionId = body["sessionId"] as? String, let path = body["path"] as? String,
              let content = body["content"] as? String else {
            throw APIError(400, "Missing sessionId, path or content")
        }
        resources.logger.debug(.server, "POST /file sessionId=\(sessionId) path=\(path)")
        guard let data = Data(base64Encoded: content) else { throw APIError(400, "content is not valid base64") }
        guard let engine = await resources.sessions.touch(sessionId, by: caller) else {
            resources.logger.debug(.server, "Session not found: \(sessionId)")
            return JSONResponse.error(404, "Session not found")
        }
        do {
            try await engine.putFile(path, data)
        } catch {
            return JSONResponse.error(Self.status(for: error), WireJSON.message(of: error))
        }
        resources.logger.debug(.server, "File uploaded: \(path) (\(data.count) bytes)")
        return JSONResponse.ok(JSONResponse.okTrue)
    }

    func download(_ request: Request, caller: Caller) async throws -> Response {
        let sessionId = request.uri.queryParameters.get("sessionId")
        let path = request.uri.queryParameters.get("path")
        guard let sessionId, !sessionId.isEmpty, let path, !path.isEmpty else {
            return JSONResponse.error(400, "Missing sessionId or path")
        }
        resources.logger.debug(.server, "GET /file sessionId=\(sessionId) path=\(path)")
        guard let engine = await resources.sessions.touch(sessionId, by: caller) else {
            resources.logger.debug(.server, "Session not found: \(sessionId)")
            return JSONResponse.error(404, "Session not found")
        }
        let data: Data
        do {
            data = try await engine.getFile(path)
        } catch {
            return JSONResponse.error(Self.status(for: error), WireJSON.message(of: error))
        }
        resources.logger.debug(.server, "File downloaded: \(path) (\(data.count) bytes)")
        return JSONResponse.ok(.object([("content", .string(data.base64EncodedString()))]))
    }

    /// compat §6.5: a file that is not there is a 404, a path outside the sandbox a 400,
    /// anything else (Docker trouble) a 500. Port addition: a device, FIFO or socket is a
    /// 400, a file over `server.maxFileSizeBytes` a 413, a read that stalls a 504.
    static func status(for error: Error) -> Int {
        switch error {
        case Isol8Error.fileRead: return 404
        case Isol8Error.pathOutsideSandbox: return 400
        case Isol8Error.noActiveContainer: return 409
        case SandboxFileError.notRegular: return 400
        case SandboxFileError.tooLarge: return 413
        case SandboxFileError.timedOut: return 504
        default: return 500
        }
    }
}
