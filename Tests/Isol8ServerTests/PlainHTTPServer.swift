import Foundation

/// A loopback HTTP server that answers every request with `200 <body>`: something that
/// is reachable but is not an isol8 server.
final class PlainHTTPServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32

    init(body: String) throws {
        (fd, port) = try LoopbackListener.open()
        let listener = fd
        let reply = Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)".utf8)
        Thread.detachNewThread {
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                var buffer = [UInt8](repeating: 0, count: 4096)
                _ = recv(client, &buffer, buffer.count, 0)
                _ = reply.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(client)
            }
        }
    }

    deinit {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}
