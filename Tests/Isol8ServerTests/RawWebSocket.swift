import Foundation

/// A minimal RFC 6455 client over a blocking loopback socket: enough to check the
/// server's upgrade answer, its text messages and its close code.
final class RawWebSocket {
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Status line of the HTTP answer to the upgrade, e.g. `HTTP/1.1 101 Switching Protocols`.
    private(set) var statusLine = ""
    /// The body of an answer that refused the upgrade (read until the server closes).
    private(set) var refusalBody = ""

    struct Closed {
        var messages: [String]
        var closeCode: Int?
        var reason: String
    }

    init(port: Int, path: String, authorization: String?) throws {
        fd = try LoopbackSocket.connect(port: port)
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        request += "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        if let authorization { request += "Authorization: \(authorization)\r\n" }
        request += "\r\n"
        try write(Array(request.utf8))
        let head = try readHead()
        statusLine = String(head.split(separator: "\r\n").first ?? "")
        if !upgraded {
            while (try? fill()) != nil {}
            refusalBody = String(decoding: buffer, as: UTF8.self)
        }
    }

    deinit { close(fd) }

    var upgraded: Bool { statusLine.contains(" 101 ") }

    func sendText(_ text: String) throws {
        let payload = Array(text.utf8)
        var frame: [UInt8] = [0x81]
        let mask: [UInt8] = [1, 2, 3, 4]
        if payload.count < 126 {
            frame.append(0x80 | UInt8(payload.count))
        } else if payload.count < 65536 {
            frame.append(0x80 | 126)
            frame += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            frame.append(0x80 | 127)
            frame += (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xFF) }
        }
        frame += mask
        frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        try write(frame)
    }

    /// Reads text messages until the server's close frame, or until `stopAfter` messages.
    func readUntilClose(stopAfter: Int = .max) throws -> Closed {
        var messages: [String] = []
        while messages.count < stopAfter {
            let header = try read(2)
            let opcode = header[0] & 0x0F
            var length = Int(header[1] & 0x7F)
            if length == 126 { length = try read(2).reduce(0) { $0 << 8 | Int($1) } }
            if length == 127 { length = try read(8).reduce(0) { $0 << 8 | Int($1) } }
            let payload = try read(length)
            switch opcode {
            case 0x1: messages.append(String(decoding: payload, as: UTF8.self))
            case 0x8:
                let code = payload.count >= 2 ? Int(payload[0]) << 8 | Int(payload[1]) : nil
                return Closed(messages: messages, closeCode: code, reason: String(decoding: payload.dropFirst(2), as: UTF8.self))
            default: continue
            }
        }
        return Closed(messages: messages, closeCode: nil, reason: "")
    }

    private func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw NSError(domain: "ws", code: Int(errno)) }
            sent += count
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &chunk, chunk.count, 0)
        guard count > 0 else { throw NSError(domain: "ws", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "connection closed"]) }
        buffer += chunk[0..<count]
    }

    private func read(_ count: Int) throws -> [UInt8] {
        while buffer.count < count { try fill() }
        defer { buffer.removeFirst(count) }
        return Array(buffer[0..<count])
    }

    private func readHead() throws -> String {
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            if let range = buffer.firstRange(of: end) {
                let head = String(decoding: buffer[..<range.lowerBound], as: UTF8.self)
                buffer.removeFirst(range.upperBound)
                return head
            }
            try fill()
        }
    }
}
