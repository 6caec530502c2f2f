import HummingbirdCore
import Logging
import NIOCore

/// A server child channel that puts a `FirstHeadDeadline` in front of another one.
/// HummingbirdWebSocket starts its idle timer only after a request head has arrived (it needs
/// the head to decide on an upgrade), so without this a client that connects and sends
/// nothing, or half a head, would hold its connection for ever.
struct HeadDeadlineChannel<Inner: ServerChildChannel>: ServerChildChannel {
    let inner: Inner
    let timeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Inner.Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(FirstHeadDeadline(timeout: timeout), position: .first)
        }.flatMap { inner.setup(channel: channel, logger: logger) }
    }

    func handle(value: Inner.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
