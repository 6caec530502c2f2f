import Foundation
import Hummingbird
import Isol8Core
import Logging

/// `POST /cleanup` (compat §6.5, §6.9).
struct CleanupRoutes: Sendable {
    let resources: ServerResources

    func register(on router: Router<some RequestContext>) {
        router.post("/cleanup") { request, _ in try await cleanup(request) }
    }

    func cleanup(_ request: Request) async throws -> Response {
        let body = try await resources.body.object(request, lenient: true)
        let images = body["images"] as? Bool ?? true
        resources.logger.debug(.server, "POST /cleanup images=\(images)")
        resources.logger.info(.server, "Starting cleanup (sessions=true containers=true images=\(images))")
        let report: CleanupCoordinator.Report
        do {
            report = try await resources.cleanup.run(includeImages: images)
        } catch {
            let message = WireJSON.message(of: error)
            resources.logger.error(.server, "Cleanup failed: \(message)")
            return JSONResponse.error(500, message)
        }
        var summary = "Cleanup complete: sessions=\(report.sessions.removed)/\(report.sessions.failed)"
            + " containers=\(report.containers.removed)/\(report.containers.failed)"
        if let removed = report.images { summary += " images=\(removed.removed)/\(removed.failed)" }
        resources.logger.info(.server, summary)
        var pairs: [(String, JSONValue)] = [("ok", .bool(true)), ("sessions", Self.json(report.sessions)),
                                            ("containers", Self.json(report.containers))]
        if let removed = report.images { pairs.append(("images", Self.json(removed))) }
        return JSONResponse.ok(.object(pairs))
    }

    static func json(_ removal: CleanupCoordinator.Tally) -> JSONValue {
        .object([("removed", .int(removal.removed)), ("failed", .int(removal.failed)),
                 ("errors", .array(removal.errors.map { .string($0) }))])
    }
}
