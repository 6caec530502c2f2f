import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The context of every route: Hummingbird's WebSocket-capable one plus the connection,
/// so that the answer to a refused upgrade can be handed to that connection
/// (`RefusedUpgrades`), and the caller `AuthMiddleware` accepted.
struct Isol8RequestContext: CallerContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<Self>
    let channel: any Channel
    var caller: Caller?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        channel = source.channel
        caller = nil
    }
}
