import Foundation

/// Engine failures whose text is observable output (isol8 fixes the wording).
public enum Isol8Error: Error, Equatable, CustomStringConvertible, LocalizedError {
    case unknownRuntime(String)
    case agentNeedsNetwork
    case runtimeNotBuildable(Runtime)
    case agentNeedsAllowlist
    case undetectableRuntime(String)
    case sourcesExclusive
    case sourceMissing
    case workdirEscape
    case runtimeLocked(from: Runtime, to: Runtime)
    case invalidMemoryLimit(String)
    case noActiveContainer
    case fileWrite(path: String, exitCode: Int)
    case fileRead(path: String, stderr: String, exitCode: Int)
    case setupFailed(exitCode: Int, stderr: String)
    case packageInstallFailed(exitCode: Int, stderr: String)
    case invalidPackageName(String)
    case pathOutsideSandbox(String)
    case seccompProfile(String)
    case invalidOption(String)

    public var description: String {
        switch self {
        case .unknownRuntime(let name):
            return "Unknown runtime: \"\(name)\". Available: \(Runtime.listingOrder.map(\.rawValue).joined(separator: ", "))"
        case .runtimeNotBuildable(let runtime):
            return "The \(runtime.rawValue) base image cannot be built offline (it needs the npm registry). Use one of: "
                + Runtime.buildable.map(\.rawValue).joined(separator: ", ") + "."
        case .agentNeedsNetwork:
            return "Agent runtime requires network access. The AI coding agent needs to reach its LLM provider API. Use --net host, or --net filtered --allow \"api.anthropic.com\" (or your provider's domain)."
        case .agentNeedsAllowlist:
            return "Agent runtime requires at least one network whitelist entry. The AI coding agent needs to reach its LLM provider API. Use --allow \"api.anthropic.com\" (or your provider's domain)."
        case .undetectableRuntime(let file):
            return "Cannot detect runtime for \"\(file)\". Known extensions: \(RuntimeRegistry.knownExtensions.joined(separator: ", "))"
        case .sourcesExclusive:
            return "ExecutionRequest.code, ExecutionRequest.codeUrl, and ExecutionRequest.cmd are mutually exclusive — provide exactly one."
        case .sourceMissing:
            return "ExecutionRequest must include exactly one of: code, codeUrl, or cmd."
        case .workdirEscape:
            return "Working directory must be inside /sandbox"
        case .runtimeLocked(let from, let to):
            return "Cannot switch runtime from \"\(from.rawValue)\" to \"\(to.rawValue)\". Each persistent container supports a single runtime. Create a new Isol8 instance for a different runtime."
        case .invalidMemoryLimit(let text):
            return "Invalid memory limit format: \"\(text)\". Use e.g. \"512m\", \"1g\"."
        case .noActiveContainer:
            return "No active container. Call execute() first in persistent mode."
        case .fileWrite(let path, let code):
            return "Failed to write file \(path) in container (exit code \(code))"
        case .fileRead(let path, let stderr, let code):
            return "Failed to read file \(path) in container: \(stderr) (exit code \(code))"
        case .setupFailed(let code, let stderr):
            return "Setup script failed (exit code \(code)): \(stderr)"
        case .packageInstallFailed(let code, let stderr):
            return "Package install failed (exit code \(code)): \(stderr)"
        case .invalidPackageName(let name):
            return "Invalid package name: \"\(name)\". Only alphanumeric, -, _, ., /, @, and = are allowed."
        case .pathOutsideSandbox(let path):
            return "Path \(path) is outside the sandbox: files can only be written under /sandbox (and read from /sandbox or /tmp)."
        case .seccompProfile(let message):
            return message
        case .invalidOption(let message):
            return message
        }
    }

    public var errorDescription: String? { description }
}
