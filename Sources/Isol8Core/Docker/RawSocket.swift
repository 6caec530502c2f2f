import Foundation
import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// Reads and writes on a hijacked Docker connection (a raw socket libcurl left non-blocking).
enum RawSocket {
    /// Starts exec `path` (`…/exec/ID/start`) on a connection of its own: the socket, its curl
    /// handle (the caller cleans it up) and the bytes that came after Docker's answer.
    static func startExec(on transport: CurlTransport, path: String, tty: Bool) throws -> (easy: UnsafeMutableRawPointer, fd: Int32, early: Data) {
        let (easy, fd) = try transport.connectRaw()
        do {
            let body = #"{"Detach":false,"Tty":\#(tty)}"#
            let head = "POST \(path) HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n"
                + "Connection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            try writeAll(fd, Data(head.utf8))
            return (easy, fd, try readHead(fd))
        } catch {
            curl_easy_cleanup(easy)
            throw error
        }
    }

    /// Reads the answer's head; fails unless Docker switched protocols (101) or said 200.
    /// Returns the bytes that came after the head.
    static func readHead(_ fd: Int32) throws -> Data {
        var received = Data()
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            let chunk = try readSome(fd)
            if chunk.isEmpty { throw DockerError.protocolError("connection closed before exec start answered") }
            received.append(chunk)
            headerEnd = received.range(of: Data("\r\n\r\n".utf8))
        }
        let statusLine = String(decoding: received[..<received.firstIndex(of: 0x0D)!], as: UTF8.self)
        let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        guard status == 101 || status == 200 else {
            throw DockerError.api(status: status, message: String(decoding: received[headerEnd!.upperBound...], as: UTF8.self))
        }
        return Data(received[headerEnd!.upperBound...])
    }

    static func writeAll(_ fd: Int32, _ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { try waitFor(fd, POLLOUT); continue }
                    throw DockerError.protocolError("write to Docker failed: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// Sends what the socket takes now; nil once the peer has stopped reading (closed or reset).
    static func sendSome(_ fd: Int32, _ data: Data) throws -> Int? {
        let written = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
        if written >= 0 { return written }
        switch errno {
        case EINTR, EAGAIN: return 0
        case EPIPE, ECONNRESET: return nil
        default: throw DockerError.protocolError("write to Docker failed: \(String(cString: strerror(errno)))")
        }
    }

    /// An empty answer is the end: the peer closed, or reset the connection with nothing left.
    static func readSome(_ fd: Int32) throws -> Data {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count >= 0 { return Data(buffer[0..<count]) }
            if errno == EINTR { continue }
            if errno == ECONNRESET { return Data() }
            if errno == EAGAIN { try waitFor(fd, POLLIN); continue }
            throw DockerError.protocolError("read from Docker failed: \(String(cString: strerror(errno)))")
        }
    }

    /// libcurl leaves the socket non-blocking; wait until it is ready, but not for ever: these
    /// waits are for Docker's answer to the start and for room to send, never for the process.
    private static func waitFor(_ fd: Int32, _ events: Int32) throws {
        var pfd = pollfd(fd: fd, events: Int16(events), revents: 0)
        var ready: Int32
        repeat { ready = poll(&pfd, 1, 60_000) } while ready < 0 && errno == EINTR
        if ready == 0 { throw DockerError.protocolError("Docker did not answer on the exec connection for 60 s") }
    }
}
