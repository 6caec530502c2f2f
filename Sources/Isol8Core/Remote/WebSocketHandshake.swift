import Crypto
import Foundation

/// The HTTP/1.1 upgrade that opens a WebSocket (RFC 6455 §4.1): the request to send and
/// the check of the server's answer.
struct WebSocketHandshake {
    /// Base64 of 16 random bytes, fresh per connection.
    let key: String

    init(key: String = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()) {
        self.key = key
    }

    /// `hostHeader` is `host[:port]` as in the URL; `headers` are extra `Name: value` lines.
    func request(path: String, hostHeader: String, headers: [String]) -> String {
        var lines = ["GET \(path) HTTP/1.1", "Host: \(hostHeader)", "Upgrade: websocket", "Connection: Upgrade",
                     "Sec-WebSocket-Key: \(key)", "Sec-WebSocket-Version: 13"]
        lines += headers
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// The `Sec-WebSocket-Accept` a server must answer for `key` (RFC 6455 §4.2.2 step 5.4).
    static func accept(for key: String) -> String {
        Data(Insecure.SHA1.hash(data: Data((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
    }

    /// Checks the answer's head (status line and headers, without the blank line).
    func verify(responseHead head: String) throws {
        let lines = head.components(separatedBy: "\r\n")
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        guard status == 101 else { throw WebSocketHandshakeError.refused(status: status) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard headers["upgrade"]?.lowercased() == "websocket",
              headers["sec-websocket-accept"] == Self.accept(for: key) else {
            throw WebSocketHandshakeError.invalidAnswer
        }
    }
}

enum WebSocketHandshakeError: Error, Equatable {
    /// The server answered the upgrade with a plain HTTP status.
    case refused(status: Int)
    /// A 101 without the right `Upgrade`/`Sec-WebSocket-Accept`: not a WebSocket server.
    case invalidAnswer
}
