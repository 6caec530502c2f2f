import Glibc

/// Whole-file reads and writes and single-line appends with plain system calls.
enum FileText {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static func errorText() -> String {
        String(cString: strerror(errno))
    }

    static func read(_ path: String) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(message: "cannot read \(path): \(errorText())") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 { bytes += chunk[0..<n]; continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw Failure(message: "cannot read \(path): \(errorText())")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(message: "cannot write \(path): \(errorText())") }
        defer { close(fd) }
        guard writeAll(fd, Array(text.utf8)) else {
            throw Failure(message: "cannot write \(path): \(errorText())")
        }
    }

    /// Creates `path` empty when it does not exist; leaves existing content alone.
    static func touch(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(message: "cannot create \(path): \(errorText())") }
        close(fd)
    }

    /// Appends `line` plus a newline with a single `write` on an `O_APPEND` descriptor, so lines
    /// from concurrent connections never interleave and a reader tailing the file sees each line
    /// as soon as it is complete. The file is reopened per line, like the original's `>>`, so a
    /// log removed or recreated by someone else is picked up again.
    static func appendLine(_ line: String, to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = writeAll(fd, Array((line + "\n").utf8))
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 { offset += n; continue }
                if n < 0, errno == EINTR { continue }
                return false
            }
            return true
        }
    }
}
