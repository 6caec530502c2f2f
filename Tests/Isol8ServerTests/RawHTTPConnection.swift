import Foundation

/// A plain loopback TCP connection to the test server for requests no HTTP library sends:
/// a body that never comes, a response that is never read.
final class RawHTTPConnection {
    private var fd: Int32

    /// `receiveBuffer` shrinks the kernel's buffer, so a client that does not read
    /// pushes back on the server sooner.
    init(port: Int, receiveBuffer: Int32? = nil) throws {
        fd = try LoopbackSocket.connect(port: port, receiveBuffer: receiveBuffer)
    }

    deinit { disconnect() }

    /// Closes the client's end; unread data makes the kernel answer the server with a reset.
    func disconnect() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw NSError(domain: "RawHTTPConnection", code: Int(errno)) }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// A request head for `path` with the test key and a JSON body.
    static func post(_ path: String, body: String, port: Int) -> String {
        "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(ServerProcess.apiKey)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    /// Reads until the server closes the connection or `deadline`; true when it closed.
    /// What it sent is kept in `received`.
    func waitForServerClose(deadline: Date) -> Bool {
        while Date() < deadline {
            if !readAvailable() { return true }
        }
        return false
    }

    /// Reads what is there until `text` has arrived, the server closed, or `deadline`.
    func waitFor(_ text: String, deadline: Date) -> Bool {
        func arrived() -> Bool { String(decoding: received, as: UTF8.self).contains(text) }
        while Date() < deadline && !arrived() {
            if !readAvailable() { break }
        }
        return arrived()
    }

    /// Waits up to 100 ms for bytes and keeps them; false once the server has closed.
    private func readAvailable() -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 100) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return false }
        received.append(contentsOf: buffer[0..<count])
        return true
    }

    private(set) var received: [UInt8] = []
}
