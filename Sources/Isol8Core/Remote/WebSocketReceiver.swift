/// Turns the bytes a server sends into what the client acts on: whole text messages
/// (fragments joined), pings to answer and the close frame. Bytes may split anywhere.
struct WebSocketReceiver {
    enum Event: Equatable {
        case text(String)
        case ping([UInt8])
        /// `code` is nil when the close frame carries no status (RFC 6455 §7.1.5).
        case close(code: Int?, reason: String)
    }

    private var buffer: [UInt8] = []
    /// The message being reassembled from fragments, and whether it is text.
    private var fragments: (isText: Bool, payload: [UInt8])?

    mutating func feed(_ bytes: [UInt8]) throws -> [Event] {
        buffer += bytes
        var events: [Event] = []
        var consumed = 0
        while let (frame, length) = try WebSocketFrame.decode(buffer[consumed...]) {
            consumed += length
            if let event = try receive(frame) { events.append(event) }
        }
        buffer.removeFirst(consumed)
        return events
    }

    private mutating func receive(_ frame: WebSocketFrame) throws -> Event? {
        switch frame.opcode {
        case .text, .binary:
            guard fragments == nil else { throw WebSocketProtocolError("new message inside a fragmented one") }
            fragments = (frame.opcode == .text, frame.payload)
        case .continuation:
            guard fragments != nil else { throw WebSocketProtocolError("continuation frame without a message") }
            fragments?.payload += frame.payload
        case .ping:
            return .ping(frame.payload)
        case .pong:
            return nil
        case .close:
            let code = frame.payload.count >= 2 ? Int(frame.payload[0]) << 8 | Int(frame.payload[1]) : nil
            return .close(code: code, reason: String(decoding: frame.payload.dropFirst(2), as: UTF8.self))
        }
        guard frame.fin, let message = fragments else { return nil }
        fragments = nil
        // Binary messages are not part of the isol8 protocol: skipped.
        return message.isText ? .text(String(decoding: message.payload, as: UTF8.self)) : nil
    }
}
