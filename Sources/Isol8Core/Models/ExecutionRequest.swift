import Foundation

/// What to run (compat §1.2). Only `runtime` is required.
public struct ExecutionRequest: Codable, Sendable, Equatable {
    public var code: String?
    public var codeUrl: String?
    public var cmd: String?
    public var codeHash: String?
    public var allowInsecureCodeUrl: Bool?
    public var runtime: Runtime
    public var timeoutMs: Int?
    public var env: [String: String]?
    public var fileExtension: String?
    public var stdin: String?
    public var files: [String: String]?
    public var outputPaths: [String]?
    public var installPackages: [String]?
    public var metadata: [String: String]?
    public var setupScript: String?
    public var workdir: String?
    public var agentFlags: String?

    public init(runtime: Runtime, code: String? = nil, cmd: String? = nil) {
        self.runtime = runtime
        self.code = code
        self.cmd = cmd
    }

    /// A request is "simple" when nothing needs writing into the container first (compat §2.9).
    var isSimple: Bool {
        stdin == nil && (files ?? [:]).isEmpty && (outputPaths ?? []).isEmpty && (installPackages ?? []).isEmpty
    }
}
