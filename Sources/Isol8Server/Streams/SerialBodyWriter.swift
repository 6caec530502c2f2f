import Hummingbird

/// Lets the stream relay's tasks use a response body writer. Only one of them writes at a
/// time (the relay's consumer, then the route once the relay has returned), which is what
/// makes the unchecked sharing safe.
final class SerialBodyWriter: @unchecked Sendable {
    private var writer: any ResponseBodyWriter

    init(_ writer: any ResponseBodyWriter) { self.writer = writer }

    func write(_ buffer: ByteBuffer) async throws { try await writer.write(buffer) }

    func finish() async throws {
        let last = writer
        try await last.finish(nil)
    }
}
