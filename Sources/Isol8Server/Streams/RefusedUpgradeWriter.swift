import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Replaces HummingbirdWebSocket's bare `400` for a refused upgrade with the answer the
/// router gave (see `RefusedUpgrades`). Sits in every HTTP/1 connection's pipeline and
/// does nothing on connections without a refusal.
final class RefusedUpgradeWriter: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let refusals: RefusedUpgrades
    private var refusal: RefusedUpgrades.Refusal?

    init(refusals: RefusedUpgrades) { self.refusals = refusals }

    func handlerAdded(context: ChannelHandlerContext) {
        refusal = refusals.take(for: context.channel)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard let refusal else { return context.write(data, promise: promise) }
        switch unwrapOutboundIn(data) {
        case .head:
            var head = refusal.head
            head.headerFields[.contentLength] = String(refusal.body.readableBytes)
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(refusal.body)), promise: promise)
        case .body:
            promise?.succeed(())
        case .end:
            self.refusal = nil
            context.write(data, promise: promise)
        }
    }
}
