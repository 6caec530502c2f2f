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

        try RawSocket.writeAll(fd, stdin)
        shutdown(fd, Int32(SHUT_WR))
        while true {
            let chunk = try RawSocket.readSome(fd)
            if chunk.isEmpty { break }
            take(chunk)
        }
        return (stdout, stderr)
    }
}
