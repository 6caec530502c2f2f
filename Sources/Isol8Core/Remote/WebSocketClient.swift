import Foundation
import CCurl

/// A client WebSocket (RFC 6455) over a libcurl CONNECT_ONLY connection: this libcurl
/// speaks no WebSocket, but it connects (and does TLS for https) and moves raw bytes.
/// Every call blocks the calling thread; a `CancelToken` interrupts any wait at once.
final class WebSocketClient {
    /// A connection or protocol failure; `opened` tells whether the handshake had completed.
    struct Failure: Error, CustomStringConvertible {
        let opened: Bool
        let reason: String
        var description: String { reason }
    }

    private let easy: UnsafeMutableRawPointer
    private let socket: curl_socket_t
    private let cancel: CancelToken
    /// An empty multi handle whose `curl_multi_poll` waits on the socket and which the
    /// cancel token can wake, as it does for HTTP transfers.
    private let waiter: UnsafeMutableRawPointer
    private var receiver = WebSocketReceiver()
    /// Frame bytes that arrived together with the handshake answer.
    private var early: [UInt8] = []
    private var opened = false

    /// Connects to `baseURL` (`http://…` or `https://…`) and upgrades `path`; `headers`
    /// are extra `Name: value` lines for the upgrade request.
    init(baseURL: String, path: String, headers: [String], cancel: CancelToken) throws {
        guard let url = URL(string: baseURL), let host = url.host, let easy = curl_easy_init() else {
            throw Failure(opened: false, reason: "invalid URL \(baseURL)")
        }
        guard let waiter = curl_multi_init() else {
            curl_easy_cleanup(easy)
            throw Failure(opened: false, reason: "curl_multi_init failed")
        }
        self.easy = easy
        self.waiter = waiter
        self.cancel = cancel
        ccurl_setopt_string(easy, CURLOPT_URL, baseURL + "/")
        ccurl_setopt_long(easy, CURLOPT_CONNECT_ONLY, 1)
        ccurl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT, 10)
        let code = curl_easy_perform(easy)
        var fd: curl_socket_t = -1
        ccurl_getinfo_socket(easy, CURLINFO_ACTIVESOCKET, &fd)
        socket = fd
        cancel.attach(waiter)
        guard code == CURLE_OK else { throw Failure(opened: false, reason: String(cString: curl_easy_strerror(code))) }

        let handshake = WebSocketHandshake()
        let hostHeader = url.port.map { "\(host):\($0)" } ?? host
        try sendAll(Array(handshake.request(path: path, hostHeader: hostHeader, headers: headers).utf8))
        let (head, rest) = try readHead()
        do {
            try handshake.verify(responseHead: head)
        } catch WebSocketHandshakeError.refused(let status) {
            throw Failure(opened: false, reason: "upgrade refused with HTTP \(status)")
        } catch {
            throw Failure(opened: false, reason: "not a WebSocket answer to the upgrade")
        }
        early = rest
        opened = true
    }

    deinit {
        cancel.attach(nil)
        curl_multi_cleanup(waiter)
        curl_easy_cleanup(easy)
    }

    func sendText(_ text: String) throws {
        try sendAll(WebSocketFrame(opcode: .text, payload: Array(text.utf8)).encoded(maskKey: Self.newMaskKey()))
    }

    /// Hands over every text message until the server closes the connection. Pings are
    /// answered; on cancellation a close frame is sent and the call returns at once.
    func receiveMessages(_ onText: (String) -> Void) throws {
        var bytes = early
        early = []
        while true {
            for event in try decode(bytes) {
                switch event {
                case .text(let text):
                    onText(text)
                case .ping(let payload):
                    try sendAll(WebSocketFrame(opcode: .pong, payload: payload).encoded(maskKey: Self.newMaskKey()))
                case .close(let code, _):
                    // Echo the status, completing the close handshake (RFC 6455 §5.5.1).
                    let status = code.map { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } ?? []
                    try? sendAll(WebSocketFrame(opcode: .close, payload: status).encoded(maskKey: Self.newMaskKey()))
                    return
                }
            }
            guard let next = try readSome() else { return }
            bytes = next
        }
    }

    private func decode(_ bytes: [UInt8]) throws -> [WebSocketReceiver.Event] {
        do {
            return try receiver.feed(bytes)
        } catch {
            throw Failure(opened: opened, reason: "\(error)")
        }
    }

    /// The status line and headers of the upgrade answer, and any bytes after them.
    private func readHead() throws -> (head: String, rest: [UInt8]) {
        var received: [UInt8] = []
        let blankLine = Array("\r\n\r\n".utf8)
        while true {
            if let end = received.firstRange(of: blankLine) {
                return (String(decoding: received[..<end.lowerBound], as: UTF8.self), Array(received[end.upperBound...]))
            }
            guard received.count < 65536 else { throw Failure(opened: false, reason: "upgrade answer head too long") }
            guard let chunk = try readSome() else { throw Failure(opened: false, reason: "connection closed during the upgrade") }
            received += chunk
        }
    }

    /// The next bytes from the server; nil once it has closed the connection.
    private func readSome() throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            try checkCancelled()
            var count = 0
            let code = buffer.withUnsafeMutableBytes { curl_easy_recv(easy, $0.baseAddress, $0.count, &count) }
            switch code {
            case CURLE_OK: return count == 0 ? nil : Array(buffer[..<count])
            case CURLE_AGAIN: wait(for: CURL_WAIT_POLLIN)
            default: throw Failure(opened: opened, reason: String(cString: curl_easy_strerror(code)))
            }
        }
    }

    private func sendAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            try checkCancelled()
            var sent = 0
            let code = bytes[offset...].withUnsafeBytes { curl_easy_send(easy, $0.baseAddress, $0.count, &sent) }
            switch code {
            case CURLE_OK: offset += sent
            case CURLE_AGAIN: wait(for: CURL_WAIT_POLLOUT)
            default: throw Failure(opened: opened, reason: String(cString: curl_easy_strerror(code)))
            }
        }
    }

    /// On cancellation tells the server goodbye (best effort; it stops the run) and throws.
    private func checkCancelled() throws {
        guard cancel.isCancelled else { return }
        if opened {
            let goingAway = WebSocketFrame(opcode: .close, payload: [0x03, 0xE9]).encoded(maskKey: Self.newMaskKey())
            var sent = 0
            _ = goingAway.withUnsafeBytes { curl_easy_send(easy, $0.baseAddress, $0.count, &sent) }
            opened = false
        }
        throw DockerError.cancelled
    }

    private func wait(for events: Int32) {
        var fd = curl_waitfd(fd: socket, events: Int16(events), revents: 0)
        curl_multi_poll(waiter, &fd, 1, 1000, nil)
    }

    private static func newMaskKey() -> [UInt8] { (0..<4).map { _ in UInt8.random(in: 0...255) } }
}
