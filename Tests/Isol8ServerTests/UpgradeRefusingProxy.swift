import Foundation

/// A loopback reverse proxy in front of a real isol8 server that, like many proxies,
/// does not pass WebSocket upgrades on: it answers them `400` and relays every other
/// connection unchanged. Counts the upgrades it refused. Paths `hidden` says are answered
/// `404`, as by an isol8 server without this port's additions to the API.
final class UpgradeRefusingProxy: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let hidden: @Sendable (String) -> Bool
    private let lock = NSLock()
    private var refused = 0

    var refusedUpgrades: Int { lock.withLock { refused } }

    init(upstreamPort: Int, hidden: @escaping @Sendable (String) -> Bool = { _ in false }) throws {
        let (listener, port) = try LoopbackListener.open()
        self.listener = listener
        self.port = port
        self.hidden = hidden
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                Thread.detachNewThread { self.serve(client, upstreamPort: upstreamPort) }
            }
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve(_ client: Int32, upstreamPort: Int) {
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while head.firstRange(of: Array("\r\n\r\n".utf8)) == nil {
            let count = recv(client, &chunk, chunk.count, 0)
            guard count > 0 else { close(client); return }
            head += chunk[..<count]
        }
        let path = String(decoding: head, as: UTF8.self).split(separator: " ", maxSplits: 2).dropFirst().first.map(String.init) ?? ""
        if hidden(path) {
            Self.sendAll(client, Array("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 13\r\nConnection: close\r\n\r\n404 Not Found".utf8))
            close(client)
            return
        }
        if String(decoding: head, as: UTF8.self).lowercased().contains("upgrade: websocket") {
            lock.withLock { refused += 1 }
            Self.sendAll(client, Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
            close(client)
            return
        }
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else {
            close(upstream)
            close(client)
            return
        }
        Self.sendAll(upstream, head)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { Self.relay(from: client, to: upstream); done.signal() }
        Self.relay(from: upstream, to: client)
        done.wait()
        close(upstream)
        close(client)
    }

    private static func relay(from source: Int32, to target: Int32) {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(source, &chunk, chunk.count, 0)
            guard count > 0 else { break }
            sendAll(target, Array(chunk[..<count]))
        }
        shutdown(target, Int32(SHUT_WR))
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
