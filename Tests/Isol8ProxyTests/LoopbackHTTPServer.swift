import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 origin server on 127.0.0.1 that records what it received and answers
/// `200 OK` with `upstream saw <METHOD> <path> body=<n>` and closes, so a proxy relaying
/// "until upstream closes" finishes promptly.
final class LoopbackHTTPServer: @unchecked Sendable {
    struct Request {
        let requestLine: String
        let headerLines: [String]
        let body: [UInt8]
    }

    let port: Int
    private let fd: Int32
    private let lock = NSLock()
    private var received: [Request] = []

    init() throws {
        (fd, port) = try LoopbackSocket.listen()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return received
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
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        LoopbackSocket.setTimeout(client, seconds: 10)
        guard let (head, early) = LoopbackSocket.readHead(client) else { return }
        let lines = head.components(separatedBy: "\r\n")
        let headers = Array(lines.dropFirst())
        let length = headers.compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        var body = Array(early.prefix(length))
        if body.count < length { body += LoopbackSocket.readExactly(client, length - body.count) }
        lock.lock()
        received.append(Request(requestLine: lines[0], headerLines: headers, body: body))
        lock.unlock()

        let words = lines[0].split(separator: " ")
        let text = "upstream saw \(words.first ?? "") \(words.count > 1 ? words[1] : "") body=\(body.count)"
        try? LoopbackSocket.writeAll(client,
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(text.utf8.count)\r\nConnection: close\r\n\r\n\(text)")
    }
}
