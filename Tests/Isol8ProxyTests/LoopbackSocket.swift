import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Blocking TCP helpers for the test servers and clients. Everything binds or connects to
/// 127.0.0.1 only: these tests never reach another host.
enum LoopbackSocket {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A listening socket on 127.0.0.1 with a kernel-chosen port.
    static func listen() throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = loopbackAddress(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(fd, 128) == 0 else {
            close(fd)
            throw Failure(description: "bind/listen: \(errno)")
        }
        return (fd, port(of: fd))
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then released).
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopbackAddress(port: 0)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        let port = port(of: fd)
        close(fd)
        return port
    }

    /// Connects to 127.0.0.1:`port`, with a receive timeout so a broken proxy fails the test
    /// instead of hanging it.
    static func connect(port: Int, timeoutSeconds: Int = 10) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = loopbackAddress(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect to \(port): \(errno)")
        }
        setTimeout(fd, seconds: timeoutSeconds)
        return fd
    }

    static func setTimeout(_ fd: Int32, seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw Failure(description: "send: \(errno)") }
            offset += n
        }
    }

    static func writeAll(_ fd: Int32, _ text: String) throws {
        try writeAll(fd, Array(text.utf8))
    }

    /// One `recv`: nil at EOF, on error or timeout.
    static func readSome(_ fd: Int32, max: Int = 65_536) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: max)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0, errno == EINTR { continue }
            return n > 0 ? Array(buffer[0..<n]) : nil
        }
    }

    /// Everything until the peer closes (or the timeout strikes).
    static func readToEnd(_ fd: Int32) -> [UInt8] {
        var all: [UInt8] = []
        while let chunk = readSome(fd) { all += chunk }
        return all
    }

    /// Exactly `count` bytes, or fewer if the peer closes first.
    static func readExactly(_ fd: Int32, _ count: Int) -> [UInt8] {
        var all: [UInt8] = []
        while all.count < count, let chunk = readSome(fd, max: count - all.count) { all += chunk }
        return all
    }

    /// Reads up to and including the blank line after an HTTP head.
    static func readHead(_ fd: Int32) -> (head: String, rest: [UInt8])? {
        var all: [UInt8] = []
        let marker: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            if let end = firstIndex(of: marker, in: all) {
                let head = String(decoding: all[..<end], as: UTF8.self)
                return (head, Array(all[(end + 4)...]))
            }
            guard let chunk = readSome(fd) else { return nil }
            all += chunk
        }
    }

    static func firstIndex(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= marker.count else { return nil }
        for i in 0...(bytes.count - marker.count) where bytes[i..<(i + marker.count)].elementsEqual(marker) {
            return i
        }
        return nil
    }

    private static func loopbackAddress(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func port(of fd: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
