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

    /// Its one user writes a file, which never sits idle: silence this long is a hang.
    private static let idleLimitMs: Int32 = 60_000

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
        let (easy, fd, early) = try RawSocket.startExec(on: transport, path: path, tty: false)
        defer { curl_easy_cleanup(easy) }
        var demuxer = FrameDemuxer()
        var stdout = Data(), stderr = Data()
        func take(_ data: Data) {
            for (stream, chunk) in demuxer.feed(data) {
                if stream == .stderr { stderr.append(chunk) } else { stdout.append(chunk) }
            }
        }
        take(early)

        // Output is read while stdin is still being written: a process that exits without
        // reading all of its stdin (a full disk, `head -c`) makes Docker stop reading too, and
        // only once its output is drained does Docker close the connection — a write-all-first
        // exchange sat there for the ~100 s until Docker gave up.
        var sent = 0
        var writing = !stdin.isEmpty
        if !writing { shutdown(fd, Int32(SHUT_WR)) }
        while true {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN) | (writing ? Int16(POLLOUT) : 0), revents: 0)
            let ready = poll(&pfd, 1, Self.idleLimitMs)
            if ready < 0 {
                if errno == EINTR { continue }
                throw DockerError.protocolError("waiting on Docker failed: \(String(cString: strerror(errno)))")
            }
            if ready == 0 {
                throw DockerError.protocolError("the exec with stdin made no progress for \(Self.idleLimitMs / 1000) s (Docker neither read nor answered)")
            }
            if pfd.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                let chunk = try RawSocket.readSome(fd)
                if chunk.isEmpty { break }
                take(chunk)
            }
            if writing, pfd.revents & Int16(POLLOUT) != 0 {
                if let written = try RawSocket.sendSome(fd, stdin[(stdin.startIndex + sent)...]) {
                    sent += written
                    if sent == stdin.count {
                        writing = false
                        shutdown(fd, Int32(SHUT_WR))
                    }
                } else {
                    writing = false  // the process stopped reading; what it wrote is still to come
                }
            }
        }
        return (stdout, stderr)
    }
}
