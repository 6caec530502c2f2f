import Glibc

/// Opens the proxy's outbound TCP connection.
///
/// Names go through `getaddrinfo`, which honours `/etc/hosts` and the container's resolver;
/// every returned address is tried in order, each with its own connect timeout, so an
/// unreachable IPv6 address does not hide a working IPv4 one.
enum UpstreamConnector {
    static let connectTimeoutMs: Int32 = 15_000

    /// A connected non-blocking socket, or nil when no address accepted the connection.
    static func connect(host: String, port: Int) -> Socket? {
        guard (1...65_535).contains(port), !host.isEmpty, !host.utf8.contains(0) else { return nil }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(first) }

        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            if let socket = attempt(info.pointee) { return socket }
            entry = info.pointee.ai_next
        }
        return nil
    }

    private static func attempt(_ info: addrinfo) -> Socket? {
        // Created non-blocking in one call rather than socket plus an fcntl pair per connection.
        let flags = info.ai_socktype | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        let fd = socket(info.ai_family, flags, info.ai_protocol)
        guard fd >= 0 else { return nil }
        let socket = Socket(fd: fd)
        if Glibc.connect(fd, info.ai_addr, info.ai_addrlen) == 0 { return socket }
        guard errno == EINPROGRESS, socket.wait(Int16(POLLOUT), timeoutMs: connectTimeoutMs) else {
            socket.close()
            return nil
        }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0, error == 0 else {
            socket.close()
            return nil
        }
        var noDelay: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        return socket
    }
}
