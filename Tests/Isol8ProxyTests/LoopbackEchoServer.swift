import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP echo server on 127.0.0.1: sends back every byte until the peer half-closes, then
/// closes. Stands in for a TLS server behind a CONNECT tunnel.
final class LoopbackEchoServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32

    init() throws {
        (fd, port) = try LoopbackSocket.listen()
        Thread { [self] in acceptLoop() }.start()
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    private func acceptLoop() {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            Thread {
                defer { close(client) }
                LoopbackSocket.setTimeout(client, seconds: 10)
                while let chunk = LoopbackSocket.readSome(client) {
                    guard (try? LoopbackSocket.writeAll(client, chunk)) != nil else { return }
                }
            }.start()
        }
    }
}
