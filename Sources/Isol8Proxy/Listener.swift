import Glibc

/// The proxy's listening socket.
struct Listener {
    let fd: Int32
    /// The port actually bound (differs from the requested one when that was 0).
    let port: Int

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Binds and listens on `host:port` (`port` 0 picks a free port).
    static func open(host: String, port: Int) throws -> Listener {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let info = list else {
            throw Failure(message: "cannot resolve listen address \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(info) }

        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(message: "cannot create socket: \(FileText.errorText())") }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0, listen(fd, 1024) == 0 else {
            let reason = FileText.errorText()
            close(fd)
            throw Failure(message: "cannot listen on \(host):\(port): \(reason)")
        }
        return Listener(fd: fd, port: boundPort(fd) ?? port)
    }

    /// Waits for the next connection; transient failures are retried here.
    func accept() -> Int32 {
        while true {
            let client = Glibc.accept(fd, nil, nil)
            // No close-on-exec needed: the proxy never starts another program.
            if client >= 0 { return client }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO:
                continue
            default:
                // Out of descriptors or memory: accept would fail again at once, so back off
                // instead of spinning until a connection closes.
                usleep(50_000)
            }
        }
    }

    private static func boundPort(_ fd: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let ok = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) == 0 }
        }
        guard ok else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
        default:
            return nil
        }
    }
}
