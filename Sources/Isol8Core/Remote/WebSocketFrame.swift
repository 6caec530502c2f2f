/// One RFC 6455 frame (§5.2). A client masks what it sends (§5.3); the server does not.
struct WebSocketFrame: Equatable, Sendable {
    enum Opcode: UInt8, Sendable {
        case continuation = 0x0, text = 0x1, binary = 0x2, close = 0x8, ping = 0x9, pong = 0xA
    }

    var fin = true
    var opcode: Opcode
    var payload: [UInt8]

    /// The wire bytes, masked with `maskKey` (4 bytes) when given.
    func encoded(maskKey: [UInt8]? = nil) -> [UInt8] {
        var bytes: [UInt8] = [(fin ? 0x80 : 0) | opcode.rawValue]
        let maskBit: UInt8 = maskKey == nil ? 0 : 0x80
        switch payload.count {
        case ..<126:
            bytes.append(maskBit | UInt8(payload.count))
        case ..<65536:
            bytes += [maskBit | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default:
            bytes.append(maskBit | 127)
            bytes += (0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(payload.count) >> (UInt64($0) * 8)) }
        }
        guard let maskKey else { return bytes + payload }
        return bytes + maskKey + Self.masked(payload, with: maskKey)
    }

    /// The first whole frame in `bytes` and how many bytes it took; nil until all of it
    /// has arrived.
    static func decode(_ bytes: ArraySlice<UInt8>) throws -> (frame: WebSocketFrame, length: Int)? {
        guard bytes.count >= 2 else { return nil }
        let first = bytes[bytes.startIndex], second = bytes[bytes.startIndex + 1]
        guard first & 0x70 == 0 else { throw WebSocketProtocolError("reserved bits set without a negotiated extension") }
        guard let opcode = Opcode(rawValue: first & 0x0F) else {
            throw WebSocketProtocolError("unknown opcode \(first & 0x0F)")
        }
        var offset = 2
        var length = Int(second & 0x7F)
        let extraLengthBytes = length == 126 ? 2 : length == 127 ? 8 : 0
        if extraLengthBytes > 0 {
            guard bytes.count >= offset + extraLengthBytes else { return nil }
            let field = bytes.dropFirst(offset).prefix(extraLengthBytes).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard field <= UInt64(Int32.max) else { throw WebSocketProtocolError("frame of \(field) bytes is too large") }
            length = Int(field)
            offset += extraLengthBytes
        }
        var maskKey: [UInt8]?
        if second & 0x80 != 0 {
            guard bytes.count >= offset + 4 else { return nil }
            maskKey = Array(bytes.dropFirst(offset).prefix(4))
            offset += 4
        }
        guard bytes.count >= offset + length else { return nil }
        let body = Array(bytes.dropFirst(offset).prefix(length))
        let payload = maskKey.map { masked(body, with: $0) } ?? body
        return (WebSocketFrame(fin: first & 0x80 != 0, opcode: opcode, payload: payload), offset + length)
    }

    /// Masking and unmasking are the same XOR.
    private static func masked(_ payload: [UInt8], with key: [UInt8]) -> [UInt8] {
        payload.enumerated().map { $0.element ^ key[$0.offset % 4] }
    }
}

/// The peer broke RFC 6455 framing.
struct WebSocketProtocolError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
