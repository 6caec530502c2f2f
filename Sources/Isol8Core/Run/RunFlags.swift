import Foundation
import Logging

/// The flags of `isol8 run` (also accepted by `isol8-tui`), turned into an engine
/// request and engine options (compat §8.1 input resolution and option assembly).
public struct RunFlags: Sendable, Equatable {
    public var file: String?
    public var eval: String?
    public var cmd: String?
    public var url: String?
    public var github: String?
    public var gist: String?
    public var hash: String?
    public var allowInsecureCodeURL = false
    public var runtime: String?
    public var stdin: String?
    public var workdir: String?
    /// Engine options given as flags: catalog key → the texts given (one per repetition).
    public var options: [String: [String]] = [:]
    public var install: [String] = []
    public var setup: [String] = []
    public var filesDir: String?

    public init() {}

    /// Where the code came from, for debug lines and the TUI header.
    public enum CodeSource: Sendable, Equatable {
        case inline, file(String), stdin, cmd, url(String)
    }

    /// Builds the request; `readStdin` is only called when no other source is given.
    public func makeRequest(options: Isol8Options, log: Logger, readStdin: () -> String) throws -> (ExecutionRequest, CodeSource) {
        var request: ExecutionRequest
        let source: CodeSource
        let remote = try remoteURL()
        if let cmd {
            guard file == nil, eval == nil, remote == nil else {
                throw Isol8Error.invalidOption("--cmd cannot be combined with file input, --eval, --url, --github, or --gist.")
            }
            request = ExecutionRequest(runtime: try Runtime.named(runtime ?? "bash"), cmd: cmd)
            source = .cmd
            log.debug(.run, "cmd mode, runtime: \(request.runtime.rawValue)")
        } else if let remote {
            guard file == nil, eval == nil else {
                throw Isol8Error.invalidOption("--url/--github/--gist cannot be used with file input or --eval.")
            }
            let runtimeName: String
            if let runtime {
                runtimeName = runtime
            } else if let path = URLComponents(string: remote)?.path, let detected = try? RuntimeRegistry.detect(path) {
                runtimeName = detected.rawValue
            } else {
                throw Isol8Error.invalidOption("Cannot detect runtime from URL path. Use --runtime to specify.")
            }
            request = ExecutionRequest(runtime: try Runtime.named(runtimeName))
            request.codeUrl = remote
            request.codeHash = hash
            if allowInsecureCodeURL { request.allowInsecureCodeUrl = true }
            source = .url(remote)
            log.debug(.run, "Remote code URL: \(remote)")
        } else if let eval {
            request = ExecutionRequest(runtime: try Runtime.named(runtime ?? "python"), code: eval)
            source = .inline
            log.debug(.run, "Inline eval, runtime: \(request.runtime.rawValue)")
        } else if let file {
            let url = URL(fileURLWithPath: file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw Isol8Error.invalidOption("File not found: \(file)")
            }
            log.debug(.run, "Reading file: \(url.standardizedFileURL.path)")
            let resolved: Runtime
            if let runtime {
                resolved = try Runtime.named(runtime)
                log.debug(.run, "Runtime specified: \(resolved.rawValue)")
            } else {
                guard let detected = try? RuntimeRegistry.detect(url.lastPathComponent) else {
                    throw Isol8Error.invalidOption("Cannot detect runtime for \(file). Use --runtime to specify.")
                }
                resolved = detected
                log.debug(.run, "Auto-detected runtime: \(resolved.rawValue)")
            }
            request = ExecutionRequest(runtime: resolved, code: String(decoding: data, as: UTF8.self))
            if let dot = url.lastPathComponent.lastIndex(of: ".") {
                request.fileExtension = String(url.lastPathComponent[dot...])
            }
            source = .file(url.path)
        } else {
            log.debug(.run, "Reading code from stdin")
            request = ExecutionRequest(runtime: try Runtime.named(runtime ?? "python"), code: readStdin())
            source = .stdin
        }
        request.timeoutMs = options.timeoutMs
        request.stdin = stdin
        request.workdir = workdir
        if !install.isEmpty { request.installPackages = install }
        if !setup.isEmpty { request.setupScript = setup.map(Self.scriptOrFile).joined(separator: "\n") }
        if let filesDir { request.files = try DirectoryFiles.collect(filesDir) }
        return (request, source)
    }

    /// `--url`, or the raw URL that `--github` / `--gist` stand for.
    private func remoteURL() throws -> String? {
        if let url { return url }
        if let github {
            let parts = github.split(separator: "/", omittingEmptySubsequences: true)
            guard parts.count >= 4 else { throw Isol8Error.invalidOption("--github format must be owner/repo/ref/path/to/file") }
            return "https://raw.githubusercontent.com/" + parts.joined(separator: "/")
        }
        if let gist {
            let parts = gist.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2 else { throw Isol8Error.invalidOption("--gist format must be gistId/file.ext") }
            return "https://gist.githubusercontent.com/\(parts[0])/raw/\(parts[1])"
        }
        return nil
    }

    /// `--setup` values that name an existing file are replaced by its contents.
    public static func scriptOrFile(_ value: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: value, isDirectory: &isDirectory), !isDirectory.boolValue,
           let contents = FileManager.default.contents(atPath: value) {
            return String(decoding: contents, as: UTF8.self)
        }
        return value
    }
}

/// `--files DIR`: every regular file below it, keyed by its path under /sandbox.
public enum DirectoryFiles {
    static let skipped: Set<String> = [".git", "node_modules", "__pycache__", ".venv", "venv", ".tox"]

    public static func collect(_ directory: String) throws -> [String: String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Isol8Error.invalidOption("--files path is not a directory: \(directory)")
        }
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey])
        while let url = enumerator?.nextObject() as? URL {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
            if values.isDirectory == true, skipped.contains(url.lastPathComponent) {
                enumerator?.skipDescendants()
                continue
            }
            guard values.isRegularFile == true, let data = FileManager.default.contents(atPath: url.path) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            files["/sandbox/" + relative] = String(decoding: data, as: UTF8.self)
        }
        return files
    }
}
