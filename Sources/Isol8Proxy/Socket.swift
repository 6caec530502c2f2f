import Glibc

/// A non-blocking TCP socket with poll-based waits, so no call ever spins or blocks forever
/// without a reason (a timeout, or a peer that is merely slow).
struct Socket {
    let fd: Int32

    /// Result of one read.
    enum ReadResult: Equatable {
        case data(Int)
        case eof
        case wouldBlock
        case timeout
        case failed
    }

    /// Switches `fd` to non-blocking mode (accepted sockets inherit blocking mode).
    static func nonBlocking(_ fd: Int32) -> Socket {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        return Socket(fd: fd)
    }

    /// Waits until `events` are ready; `timeoutMs < 0` waits without limit.
    /// - Returns: false on timeout; true when ready or in an error state (the next call reports it).
    func wait(_ events: Int16, timeoutMs: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let ready = poll(&entry, 1, timeoutMs)
            if ready > 0 { return true }
            if ready == 0 { return false }
            if errno != EINTR { return true }
        }
    }

    /// Reads what is available into `buffer[offset...]` without waiting.
    func readNow(into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        while true {
            let n = recv(fd, buffer.baseAddress, buffer.count, 0)
            if n > 0 { return .data(n) }
            if n == 0 { return .eof }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .failed
            }
        }
    }

    /// Waits up to `timeoutMs` for data, then reads it.
    func read(into buffer: UnsafeMutableRawBufferPointer, timeoutMs: Int32) -> ReadResult {
        while true {
            let result = readNow(into: buffer)
            guard result == .wouldBlock else { return result }
            if !wait(Int16(POLLIN), timeoutMs: timeoutMs) { return .timeout }
        }
    }

    /// Writes what the kernel accepts now; returns the byte count, 0 for "try later", nil on error.
    func writeNow(_ bytes: UnsafeRawBufferPointer) -> Int? {
        while true {
            // MSG_NOSIGNAL: a peer that went away must not kill the proxy with SIGPIPE.
            let n = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if n >= 0 { return n }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return 0
            default: return nil
            }
        }
    }

    /// Writes all of `bytes`, waiting for the peer as long as it keeps accepting within
    /// `timeoutMs` per wait. - Returns: false when the peer failed or stalled.
    @discardableResult
    func writeAll(_ bytes: [UInt8], timeoutMs: Int32 = 30_000) -> Bool {
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                guard let n = writeNow(UnsafeRawBufferPointer(rebasing: raw[sent...])) else { return false }
                if n == 0, !wait(Int16(POLLOUT), timeoutMs: timeoutMs) { return false }
                sent += n
            }
            return true
        }
    }

    /// Writes `text` as UTF-8.
    @discardableResult
    func writeAll(_ text: String, timeoutMs: Int32 = 30_000) -> Bool {
        writeAll(Array(text.utf8), timeoutMs: timeoutMs)
    }

    /// Signals end of stream to the peer while still reading its replies.
    func shutdownWrite() {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    func close() {
        _ = Glibc.close(fd)
    }
}
