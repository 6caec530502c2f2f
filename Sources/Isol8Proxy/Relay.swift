import Glibc

/// Pumps bytes between the client and the upstream server in both directions from one thread.
///
/// Both sockets are non-blocking and one `poll` waits for whichever side can move, so a peer
/// that stops reading in one direction can never wedge the other (the classic deadlock of a
/// proxy that blocks on a write while its peer blocks on its own write).
struct Relay {
    /// When the exchange is over.
    enum Ending {
        /// A CONNECT tunnel: when both directions reached end of stream.
        case bothDirectionsDone
        /// A plain HTTP request: when upstream closed the response.
        case responseDone
    }

    let client: Socket
    let upstream: Socket

    /// Runs until `ending`, or until either side fails.
    /// - Parameters:
    ///   - toUpstream: bytes already in hand for upstream (a rewritten head, early body bytes).
    ///   - clientLimit: how many more client bytes to forward; nil means until the client's end.
    func run(toUpstream: [UInt8], clientLimit: Int?, ending: Ending) {
        let tunnel = ending == .bothDirectionsDone
        let outbound = Flow(source: client, destination: upstream, prefill: toUpstream,
                            limit: clientLimit, shutdownWhenDone: tunnel)
        let inbound = Flow(source: upstream, destination: client, prefill: [],
                           limit: nil, shutdownWhenDone: tunnel)
        while true {
            guard outbound.pump(), inbound.pump() else { return }
            switch ending {
            case .bothDirectionsDone where outbound.finished && inbound.finished: return
            case .responseDone where inbound.finished: return
            default: break
            }
            var entries = [
                pollfd(fd: client.fd, events: outbound.pollIn | inbound.pollOut, revents: 0),
                pollfd(fd: upstream.fd, events: inbound.pollIn | outbound.pollOut, revents: 0),
            ]
            // A socket with nothing to wait for is left out: after a hang-up, poll would report
            // it again and again and turn this loop into a busy one.
            for i in entries.indices where entries[i].events == 0 { entries[i].fd = -1 }
            if entries.allSatisfy({ $0.fd < 0 }) { return }
            if poll(&entries, 2, -1) < 0, errno != EINTR { return }
        }
    }
}

/// One direction of a relay: a buffer between a source and a destination socket.
private final class Flow {
    let source: Socket
    let destination: Socket
    var limit: Int?
    let shutdownWhenDone: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end: Int
    private var sourceEnded = false
    private(set) var finished = false

    private static let chunkSize = 64 * 1024

    init(source: Socket, destination: Socket, prefill: [UInt8], limit: Int?, shutdownWhenDone: Bool) {
        self.source = source
        self.destination = destination
        self.limit = limit
        self.shutdownWhenDone = shutdownWhenDone
        buffer = prefill + [UInt8](repeating: 0, count: max(0, Self.chunkSize - prefill.count))
        end = prefill.count
    }

    private var pending: Int { end - start }
    private var mayRead: Bool { !sourceEnded && (limit ?? 1) > 0 }

    var pollIn: Int16 { !finished && pending == 0 && mayRead ? Int16(POLLIN) : 0 }
    var pollOut: Int16 { !finished && pending > 0 ? Int16(POLLOUT) : 0 }

    /// Moves whatever can move now without waiting. - Returns: false when a socket failed.
    func pump() -> Bool {
        guard !finished else { return true }
        while true {
            if pending > 0 {
                let written = buffer.withUnsafeBytes {
                    destination.writeNow(UnsafeRawBufferPointer(rebasing: $0[start..<end]))
                }
                guard let written else { return false }
                start += written
                if pending > 0 { return true }
            }
            start = 0
            end = 0
            guard mayRead else { break }
            let wanted = min(buffer.count, limit ?? buffer.count)
            let result = buffer.withUnsafeMutableBytes {
                source.readNow(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<wanted]))
            }
            switch result {
            case .data(let n):
                end = n
                if let remaining = limit { limit = remaining - n }
            case .eof:
                sourceEnded = true
            case .wouldBlock, .timeout:
                return true
            case .failed:
                return false
            }
        }
        finished = true
        if shutdownWhenDone { destination.shutdownWrite() }
        return true
    }
}
