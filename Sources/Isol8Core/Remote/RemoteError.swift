import Foundation

/// Failures of `RemoteEngine`, worded for the user; HTTP failures keep the status and
/// the server's own message.
public enum RemoteError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case unreachable(host: String, reason: String)
    case notAnIsol8Server(host: String)
    case healthCheckFailed(status: Int)
    /// 401/403: the key was missing or wrong; `operation` as for `http`.
    case keyRejected(operation: String, status: Int, message: String)
    /// Any other non-2xx answer; `operation` is isol8's prefix ("Execution failed", …).
    case http(operation: String, status: Int, message: String)
    case sessionRequired
    case noResponseBody
    /// The WebSocket broke after this engine had used it (compat §7 step 4).
    case webSocketFailed
    case badResponse(String)
    case invalidHost(String)
    /// A route this port's server adds to the isol8 API is missing: an original isol8 server.
    case notOffered(host: String, route: String, purpose: String)
    /// The isol8 API has no terminal: a shell needs the session's Docker host.
    case noTerminal(host: String)

    public var status: Int? {
        switch self {
        case .healthCheckFailed(let status), .keyRejected(_, let status, _), .http(_, let status, _): return status
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .unreachable(let host, let reason):
            return "Cannot reach isol8 server at \(host): \(reason). Is `isol8 serve` running there?"
        case .notAnIsol8Server(let host):
            return "\(host) answered GET /health but is not an isol8 server (expected {\"status\":\"ok\",\"version\":…}). Check --host."
        case .healthCheckFailed(let status):
            return "Remote server health check failed: \(status)"
        case .keyRejected(let operation, _, let message):
            // The original's text first (scripts match on it), then the fix.
            return "\(operation): \(message). Check --key, ISOL8_API_KEY or `isol8 login`."
        case .http(let operation, _, let message):
            return "\(operation): \(message)"
        case .sessionRequired:
            return "File operations require a sessionId (persistent mode)"
        case .noResponseBody:
            return "No response body for streaming"
        case .webSocketFailed:
            return "WebSocket connection failed"
        case .badResponse(let detail):
            return "Unexpected answer from the isol8 server: \(detail)"
        case .invalidHost(let host):
            return "Invalid --host \"\(host)\": use http://HOST:PORT or https://HOST."
        case .notOffered(let host, let route, let purpose):
            return "\(host) does not offer \(route), which \(purpose) needs: it is an isol8 server without this port's additions"
                + " (run `isol8 serve` from isol8-tui there); runs, sessions and files still work"
        case .noTerminal(let host):
            return "a shell needs a Docker target: \(host) is an isol8 server, whose API has no terminal; "
                + "add its Docker host as a target (config targets) and open the shell there"
        }
    }

    public var errorDescription: String? { description }
}
