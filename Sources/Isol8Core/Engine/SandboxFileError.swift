import Foundation

/// Why a sandbox file was not handed to a client although the path is allowed.
public enum SandboxFileError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A device, FIFO, socket or directory (or a symlink to one): `kind` as `stat` names it.
    case notRegular(path: String, kind: String)
    /// `size` is nil when the file grew past the cap while it was being read.
    case tooLarge(path: String, size: Int?, limit: Int)
    case timedOut(path: String, timeoutMs: Int)

    public var description: String {
        switch self {
        case .notRegular(let path, let kind):
            return "Refused to read \(path): it is a \(kind), not a regular file. Only regular files can be downloaded."
        case .tooLarge(let path, let size, let limit):
            let actual = size.map { "is \($0) bytes" } ?? "grew while being read and is"
            return "File \(path) \(actual) over the \(limit)-byte limit for file reads (server config key server.maxFileSizeBytes)."
        case .timedOut(let path, let timeoutMs):
            return "Reading \(path) took longer than \(timeoutMs) ms and was stopped (server config key server.fileReadTimeoutMs)."
        }
    }

    public var errorDescription: String? { description }
}
