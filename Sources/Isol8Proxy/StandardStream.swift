import Glibc

/// Unbuffered writes to the standard streams, so a supervisor reading our output sees each
/// line at once (stdio would hold it in a buffer when stdout is a pipe).
enum StandardStream {
    static func standardOutput(_ text: String) { write(1, text) }
    static func standardError(_ text: String) { write(2, text) }

    private static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n > 0 { bytes = bytes.dropFirst(n); continue }
            if n < 0, errno == EINTR { continue }
            return
        }
    }
}
