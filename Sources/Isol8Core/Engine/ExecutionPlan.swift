import Foundation

/// A validated request turned into what must happen inside the container: which
/// files to write and which argv to run (compat §1.9, §2.9, §2.10, §2.13).
public struct ExecutionPlan: Sendable {
    public struct FileWrite: Sendable {
        public var path: String
        public var data: Data
    }

    public let request: ExecutionRequest
    public let adapter: RuntimeAdapter
    public let workdir: String
    public let timeoutMs: Int
    public var writes: [FileWrite] = []
    /// The user-code argv, already wrapped in `timeout -s KILL`.
    public var command: [String] = []
    /// Extra environment for the user-code exec (carries the code file's content, see below).
    public var env: [String] = []

    /// Code up to this size travels in the exec's environment and is written by the same
    /// exec that runs it — one Docker round trip instead of two on every streamed run.
    static let codeViaEnvironmentLimit = 100_000

    public enum CodePlacement: Sendable {
        /// Inline argv when the request is simple (ephemeral buffered path).
        case inlineWhenSimple
        /// Always a file at this path without extension (`/sandbox/main`, `/sandbox/exec_<ms>`).
        case file(stem: String)
    }

    /// The agent runtime's own check (compat §1.9 step 1, before everything else): the agent must
    /// reach its LLM provider, so it needs a network, and in filtered mode an allow rule.
    public static func checkAgentNetwork(_ runtime: Runtime, _ options: Isol8Options) throws {
        guard runtime == .agent else { return }
        switch options.network {
        case .none: throw Isol8Error.agentNeedsNetwork
        case .filtered where (options.networkFilter?.whitelist ?? []).isEmpty: throw Isol8Error.agentNeedsAllowlist
        case .filtered, .host: return
        }
    }

    /// Validates in isol8's order; nothing touches Docker.
    public static func validate(_ request: ExecutionRequest) throws -> (RuntimeAdapter, String) {
        let sources = [request.code, request.codeUrl, request.cmd].filter { !($0 ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if sources.count > 1 { throw Isol8Error.sourcesExclusive }
        if sources.isEmpty { throw Isol8Error.sourceMissing }
        let adapter = RuntimeRegistry.adapter(for: request.runtime)
        let workdir = try WorkdirResolver.resolve(request.workdir)
        for name in request.installPackages ?? [] { try PackageName.validate(name) }
        return (adapter, workdir)
    }

    public init(_ request: ExecutionRequest, defaultTimeoutMs: Int, placement: CodePlacement,
                stdinPath: String = "/sandbox/_stdin") throws {
        let (adapter, workdir) = try Self.validate(request)
        self.request = request
        self.adapter = adapter
        self.workdir = workdir
        self.timeoutMs = request.timeoutMs ?? defaultTimeoutMs

        var argv: [String]
        var codeFile: String?
        if let cmd = request.cmd, !cmd.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            argv = ["bash", "-c", cmd]
        } else {
            let code = request.code ?? ""
            let ext = adapter.fileExtension(for: code, requested: request.fileExtension)
            switch placement {
            case .inlineWhenSimple where request.isSimple:
                if let inline = adapter.inlineCommand(code) {
                    argv = inline
                } else {
                    argv = adapter.fileCommand("/sandbox/main" + ext)
                    writes.append(FileWrite(path: "/sandbox/main" + ext, data: Data(code.utf8)))
                }
            case .inlineWhenSimple:
                argv = adapter.fileCommand("/sandbox/main" + ext)
                writes.append(FileWrite(path: "/sandbox/main" + ext, data: Data(code.utf8)))
            case .file(let stem):
                argv = adapter.fileCommand(stem + ext)
                writes.append(FileWrite(path: stem + ext, data: Data(code.utf8)))
            }
            codeFile = writes.last.map { $0.path }
        }
        for (path, content) in (request.files ?? [:]).sorted(by: { $0.key < $1.key }) {
            writes.append(FileWrite(path: try SandboxPath.writable(path), data: Data(content.utf8)))
        }
        let seconds = String(Self.timeoutSeconds(timeoutMs))
        if let stdin = request.stdin {
            writes.append(FileWrite(path: stdinPath, data: Data(stdin.utf8)))
            argv = ["timeout", "-s", "KILL", seconds, "sh", "-c", "cat \(stdinPath) | " + ShellQuote.join(argv)]
        } else {
            argv = ["timeout", "-s", "KILL", seconds] + argv
        }
        command = argv
        if let path = codeFile, let index = writes.firstIndex(where: { $0.path == path }),
           writes[index].data.count <= Self.codeViaEnvironmentLimit, !writes[index].data.contains(0) {
            let code = writes.remove(at: index).data
            env = ["ISOL8_CODE=" + String(decoding: code, as: UTF8.self)]
            // The variable is dropped before the user's program starts, so it never sees it.
            let write = "printf '%s' \"$ISOL8_CODE\" > \(ShellQuote.quote(path)) && unset ISOL8_CODE && exec \"$@\""
            command = ["sh", "-c", write, "sh"] + command
        }
    }

    /// Whole seconds for the in-container `timeout`, at least 1.
    public static func timeoutSeconds(_ ms: Int) -> Int { max(1, Int((Double(ms) / 1000).rounded(.up))) }
}

/// Package-name rule of compat §2.2, applied before anything runs.
public enum PackageName {
    public static func validate(_ name: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@_./-=")
        guard !name.isEmpty, name.allSatisfy({ allowed.contains($0) }) else { throw Isol8Error.invalidPackageName(name) }
    }
}

/// Where files may go: writes under /sandbox, reads from /sandbox or /tmp.
public enum SandboxPath {
    public static func writable(_ path: String) throws -> String {
        try check(path, roots: ["/sandbox"])
    }

    public static func readable(_ path: String) throws -> String {
        try check(path, roots: ["/sandbox", "/tmp"])
    }

    private static func check(_ path: String, roots: [String]) throws -> String {
        let normalized = WorkdirResolver.normalize(path.hasPrefix("/") ? path : "/sandbox/" + path)
        guard roots.contains(where: { normalized.hasPrefix($0 + "/") }) else { throw Isol8Error.pathOutsideSandbox(path) }
        return normalized
    }
}
