import NIOCore

/// Tells a buffered request that its client has gone: nothing is written to the connection
/// until the run ends, so without this a client that left would hold its container and its
/// semaphore slot until the run's own timeout. Hummingbird accepts half-closed connections,
/// so the end of the client's input counts as leaving; HTTP/1.1 clients do not half-close
/// while they wait for an answer.
final class ClientDisconnectWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let onLeave: @Sendable () -> Void

    private init(onLeave: @escaping @Sendable () -> Void) {
        self.onLeave = onLeave
    }

    /// Calls `onLeave` once the client closes its side of `channel` (or the connection drops)
    /// while `body` runs.
    static func watching<T>(_ channel: any Channel, onLeave: @escaping @Sendable () -> Void, _ body: () async throws -> T) async throws -> T {
        let added = channel.eventLoop.submit {
            let watcher = ClientDisconnectWatcher(onLeave: onLeave)
            try channel.pipeline.syncOperations.addHandler(watcher, position: .first)
            return NIOLoopBound(watcher, eventLoop: channel.eventLoop)
        }
        let watcher = try? await added.get()
        defer {
            if let watcher {
                channel.eventLoop.execute { _ = channel.pipeline.syncOperations.removeHandler(watcher.value) }
            }
        }
        return try await body()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .inputClosed? = event as? ChannelEvent { onLeave() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        onLeave()
        context.fireChannelInactive()
    }
}
