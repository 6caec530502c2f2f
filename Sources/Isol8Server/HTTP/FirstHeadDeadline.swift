import NIOCore

/// Closes a connection whose first request head has not fully arrived `timeout` after it
/// opened. Sits first in the pipeline, on the raw bytes, and leaves once it has seen the
/// blank line that ends the head; from then on Hummingbird's own idle timer governs.
final class FirstHeadDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?
    /// Bytes of the current line other than `\r`, and the non-blank lines seen so far.
    private var lineLength = 0
    private var lines = 0

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let headEnded = unwrapInboundIn(data).readableBytesView.contains { byte in
            switch byte {
            case UInt8(ascii: "\n"):
                defer { lineLength = 0 }
                if lineLength > 0 { lines += 1 }
                return lineLength == 0 && lines > 0
            case UInt8(ascii: "\r"):
                return false
            default:
                lineLength += 1
                return false
            }
        }
        context.fireChannelRead(data)
        if headEnded { context.pipeline.syncOperations.removeHandler(context: context, promise: nil) }
    }

    private func arm(_ context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }
}
