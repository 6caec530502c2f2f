import Foundation
import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// Starts an exec over a raw ("hijacked") connection so bytes can be written to the
/// process's stdin; EOF is signalled with `shutdown(SHUT_WR)`, which libcurl's normal
/// request API cannot do.
struct HijackedExec {
    let client: DockerClient

    func run(execID: String, stdin: Data) async throws -> (stdout: Data, stderr: Data) {
        let prefix = try await client.versionPrefix()
        let transport = client.transport
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try Self.exchange(transport: transport, path: "\(prefix)/exec/\(execID)/start", stdin: stdin))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private static func exchange(transport: CurlTransport, path: String, stdin: Data) throws -> (stdout: Data, stderr: Data) {
        let (easy, fd) = try transport.connectRaw()
        defer { curl_easy_cleanup(easy) }
        let body = #"{"Detach":false,"Tty":false}"#
        let head = "POST \(path) HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n"
            + "Connection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        try writeAll(fd, Data(head.utf8))

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
        var demuxer = FrameDemuxer()
        var stdout = Data(), stderr = Data()
        func take(_ data: Data) {
            for (stream, chunk) in demuxer.feed(data) {
                if stream == .stderr { stderr.append(chunk) } else { stdout.append(chunk) }
            }
        }
        take(Data(received[headerEnd!.upperBound...]))

        try writeAll(fd, stdin)
        shutdown(fd, Int32(SHUT_WR))
        while true {
            let chunk = try readSome(fd)
            if chunk.isEmpty { break }
            take(chunk)
        }
        return (stdout, stderr)
    }

    private static func writeAll(_ fd: Int32, _ data: Data) throws {
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

    private static func readSome(_ fd: Int32) throws -> Data {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count >= 0 { return Data(buffer[0..<count]) }
            if errno == EINTR { continue }
            if errno == EAGAIN { try waitFor(fd, POLLIN); continue }
            throw DockerError.protocolError("read from Docker failed: \(String(cString: strerror(errno)))")
        }
    }

    /// libcurl leaves the socket non-blocking; wait until it is ready.
    private static func waitFor(_ fd: Int32, _ events: Int32) throws {
        var pfd = pollfd(fd: fd, events: Int16(events), revents: 0)
        _ = poll(&pfd, 1, 30_000)
    }
}
