import NetworkPolicy

/// Serves one client connection: reads one request head, applies the network rules, then
/// tunnels (CONNECT) or forwards (plain HTTP) as compat §3.5 describes, logging as it goes.
struct ConnectionHandler {
    let client: Socket
    let rules: NetworkRules
    let state: StateDirectory

    /// A head larger than this is not a real client's; it is refused rather than buffered.
    static let maxHeadBytes = 64 * 1024
    /// A client that connects and then says nothing for this long is dropped.
    static let headTimeoutMs: Int32 = 60_000

    func run() {
        defer { client.close() }
        guard let (head, early) = readHead() else { return }
        if head.method == "CONNECT" {
            tunnel(head, early: early)
        } else {
            forward(head, early: early)
        }
    }

    // MARK: CONNECT

    private func tunnel(_ head: RequestHead, early: [UInt8]) {
        let target = ProxyTarget.connect(authority: head.target)
        let decision = rules.decide(target.host)
        guard decision.action == .allow else {
            state.append(SecurityEventRecord(method: "CONNECT", host: target.requestedHost))
            state.append(NetworkLogRecord(method: "CONNECT", host: target.requestedHost, matchedHost: target.host, path: nil,
                                          action: .block, durationMs: 0, rule: decision.logText))
            client.writeAll(ProxyResponse.forbidden("isol8: CONNECT to \(target.requestedHost) blocked by network filter"))
            return
        }
        // Logged before tunnelling, with no duration, as the original did: a tunnel can live
        // for the whole execution and the engine reads the log while it is still open.
        state.append(NetworkLogRecord(method: "CONNECT", host: target.requestedHost, matchedHost: target.host, path: nil,
                                      action: .allow, durationMs: 0, rule: decision.logText))
        guard let port = target.port, let upstream = UpstreamConnector.connect(host: target.host, port: port) else {
            client.writeAll(ProxyResponse.badGateway(host: target.requestedHost, port: target.portText))
            return
        }
        defer { upstream.close() }
        guard client.writeAll(ProxyResponse.connectionEstablished) else { return }
        Relay(client: client, upstream: upstream).run(toUpstream: early, clientLimit: nil, ending: .bothDirectionsDone)
    }

    // MARK: Plain HTTP

    private func forward(_ head: RequestHead, early: [UInt8]) {
        let target = ProxyTarget.http(absolute: head.target)
        let path = target.path ?? "/"
        let decision = rules.decide(target.host)
        guard decision.action == .allow else {
            state.append(SecurityEventRecord(method: head.method, host: target.requestedHost))
            state.append(NetworkLogRecord(method: head.method, host: target.requestedHost, matchedHost: target.host, path: path,
                                          action: .block, durationMs: 0, rule: decision.logText))
            client.writeAll(ProxyResponse.forbidden("isol8: request to \(target.requestedHost) blocked by network filter"))
            return
        }
        let started = MonotonicClock.milliseconds()
        guard let port = target.port, let upstream = UpstreamConnector.connect(host: target.host, port: port) else {
            client.writeAll(ProxyResponse.badGateway(host: target.requestedHost, port: target.portText))
            return
        }
        defer { upstream.close() }

        var outgoing = "\(head.method) \(path) HTTP/1.1\r\n"
        for line in head.forwardedHeaderLines { outgoing += line + "\r\n" }
        outgoing += "\r\n"
        let bodyLength = head.contentLength
        let bodyInHand = Array(early.prefix(bodyLength))
        Relay(client: client, upstream: upstream).run(
            toUpstream: Array(outgoing.utf8) + bodyInHand,
            clientLimit: bodyLength - bodyInHand.count,
            ending: .responseDone
        )
        let duration = MonotonicClock.milliseconds() - started
        state.append(NetworkLogRecord(method: head.method, host: target.requestedHost, matchedHost: target.host, path: path,
                                      action: .allow, durationMs: duration, rule: decision.logText))
    }

    // MARK: Request head

    /// Reads up to the blank line after the headers.
    /// - Returns: the parsed head and any bytes the client already sent after it.
    private func readHead() -> (RequestHead, [UInt8])? {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            if let (headEnd, bodyStart) = Self.headBoundary(in: received) {
                guard let head = RequestHead.parse(received[..<headEnd]) else {
                    client.writeAll(ProxyResponse.badRequest("isol8: malformed request"))
                    return nil
                }
                return (head, Array(received[bodyStart...]))
            }
            guard received.count < Self.maxHeadBytes else {
                client.writeAll(ProxyResponse.badRequest("isol8: request head too large"))
                return nil
            }
            let result = chunk.withUnsafeMutableBytes { client.read(into: $0, timeoutMs: Self.headTimeoutMs) }
            guard case .data(let n) = result else { return nil }
            received += chunk[0..<n]
        }
    }

    /// Where the head ends (exclusive) and the body starts: the first empty line, written as
    /// `\r\n` or a bare `\n`, after the request line. Blank lines before the request line do not
    /// count (RFC 9112 §2.2 lets clients send them).
    static func headBoundary(in bytes: [UInt8]) -> (Int, Int)? {
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var lineStart = 0
        var sawRequestLine = false
        var i = 0
        while i < bytes.count {
            if bytes[i] == newline {
                let lineEnd = (i > lineStart && bytes[i - 1] == carriageReturn) ? i - 1 : i
                if lineEnd == lineStart {
                    if sawRequestLine { return (lineStart, i + 1) }
                } else {
                    sawRequestLine = true
                }
                lineStart = i + 1
            }
            i += 1
        }
        return nil
    }
}
