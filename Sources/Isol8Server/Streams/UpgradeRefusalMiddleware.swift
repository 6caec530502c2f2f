import Hummingbird

/// Keeps the answer to a refused WebSocket upgrade (auth failure, unknown path) for
/// `RefusedUpgradeWriter`; plain requests pass untouched. Outermost, so it sees the
/// final JSON answer.
struct UpgradeRefusalMiddleware: RouterMiddleware {
    typealias Context = Isol8RequestContext
    let refusals: RefusedUpgrades

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard request.headers[.upgrade]?.lowercased() == "websocket", response.status != .ok else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        refusals.store(.init(head: HTTPResponse(status: response.status, headerFields: response.headers), body: collector.bytes),
                       for: context.channel)
        return Response(status: response.status, headers: response.headers, body: ResponseBody(byteBuffer: collector.bytes))
    }
}

private final class BodyCollector: ResponseBodyWriter {
    var bytes = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        bytes.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
