import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the build's external commands with their output appended to one log file, so a
/// 2 000-line debootstrap run neither fills a pipe nor the terminal, and a failure can quote
/// just its own last lines.
final class RootfsCommandRunner {
    let logURL: URL
    private let log: FileHandle

    /// Host PATH plus the sbin directories: debootstrap and chroot live in /usr/sbin, which a
    /// non-login root shell or sudo may leave out.
    static let hostEnvironment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        let extra = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        var path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in extra where !path.contains(directory) { path.append(directory) }
        environment["PATH"] = path.joined(separator: ":")
        environment["DEBIAN_FRONTEND"] = "noninteractive"
        return environment
    }()

    /// Commands inside the chroot get a clean environment: the host's LANG, PYTHONPATH or pyenv
    /// variables mean nothing there and only cause warnings or wrong interpreters.
    static let chrootEnvironment: [String: String] = [
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": "/root",
        "LC_ALL": "C",
        "DEBIAN_FRONTEND": "noninteractive",
    ]

    init(logURL: URL) throws {
        self.logURL = logURL
        let fd = open(logURL.path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o644)
        guard fd >= 0 else {
            throw RootfsBuildError.fileSystem("Cannot write the build log \(logURL.path): \(String(cString: strerror(errno)))")
        }
        log = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Absolute path of `tool` on the host PATH (sbin included), or nil.
    static func locate(_ tool: String) -> String? {
        let path = hostEnvironment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `argv` to completion; throws `commandFailed` with the command's last output lines.
    func run(step: String, _ argv: [String], environment: [String: String] = hostEnvironment, hint: String = "") throws {
        _ = try execute(step: step, argv, environment: environment, hint: hint, captureStdout: false)
    }

    /// Like `run`, but returns stdout (stderr still goes to the log).
    func output(step: String, _ argv: [String], environment: [String: String] = hostEnvironment, hint: String = "") throws -> String {
        try execute(step: step, argv, environment: environment, hint: hint, captureStdout: true)
    }

    /// Exit status only, for probes whose failure is an answer rather than an error.
    func succeeds(_ argv: [String], environment: [String: String] = hostEnvironment) -> Bool {
        guard let process = try? launch(argv, environment: environment, stdout: log) else { return false }
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }

    func note(_ line: String) {
        log.write(Data((line + "\n").utf8))
    }

    private func execute(step: String, _ argv: [String], environment: [String: String], hint: String, captureStdout: Bool) throws -> String {
        note("$ " + ShellQuote.join(argv))
        let start = log.seekToEndOfFile()
        let pipe = captureStdout ? Pipe() : nil
        let process: Process
        do {
            process = try launch(argv, environment: environment, stdout: pipe ?? log)
        } catch {
            throw RootfsBuildError.commandFailed(step: step, command: ShellQuote.join(argv), exitCode: 127,
                                                 tail: "\(error.localizedDescription)", hint: hint, log: logURL.path)
        }
        // Drain before waiting: a full pipe would block the child forever.
        let captured = pipe.map { $0.fileHandleForReading.readDataToEndOfFile() } ?? Data()
        process.waitUntilExit()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        guard status == 0 else {
            var tail = lastLines(from: start, count: 15)
            if captureStdout, let text = String(data: captured, encoding: .utf8), !text.isEmpty {
                tail = text.split(separator: "\n").suffix(5).joined(separator: "\n") + (tail.isEmpty ? "" : "\n" + tail)
            }
            throw RootfsBuildError.commandFailed(step: step, command: ShellQuote.join(argv), exitCode: status,
                                                 tail: tail, hint: hint, log: logURL.path)
        }
        return String(decoding: captured, as: UTF8.self)
    }

    private func launch(_ argv: [String], environment: [String: String], stdout: Any) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = log
        try process.run()
        return process
    }

    private func lastLines(from offset: UInt64, count: Int) -> String {
        guard let reader = FileHandle(forReadingAtPath: logURL.path) else { return "" }
        defer { reader.closeFile() }
        let end = reader.seekToEndOfFile()
        // The tail of a long log is all that is shown; 64 KiB holds far more than 15 lines.
        reader.seek(toFileOffset: max(offset, end > 65_536 ? end - 65_536 : 0))
        let text = String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true)
            .suffix(count).map { "  " + $0 }.joined(separator: "\n")
    }
}
