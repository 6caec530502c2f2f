/// The three ways to run code, each with its own debug wording (spec §6.8).
enum ExecutionRoute: Sendable {
    case execute, stream, webSocket

    var path: String {
        switch self {
        case .execute: return "/execute"
        case .stream: return "/execute/stream"
        case .webSocket: return "/execute/ws"
        }
    }

    func reusingLine(_ id: String) -> String {
        switch self {
        case .execute: return "[Server] Reusing existing session: \(id)"
        case .stream: return "[Server] Reusing existing session for stream: \(id)"
        case .webSocket: return "[Server] WebSocket reusing existing session: \(id)"
        }
    }

    func creatingLine(_ id: String) -> String {
        switch self {
        case .execute: return "[Server] Creating new session: \(id)"
        case .stream: return "[Server] Creating new session for stream: \(id)"
        case .webSocket: return "[Server] WebSocket creating new session: \(id)"
        }
    }

    var ephemeralLine: String {
        switch self {
        case .execute: return "[Server] Creating ephemeral engine"
        case .stream: return "[Server] Creating ephemeral engine for stream"
        case .webSocket: return "[Server] WebSocket creating ephemeral engine"
        }
    }

    var cleanupLine: String {
        switch self {
        case .execute: return "[Server] Cleaning up ephemeral engine"
        case .stream: return "[Server] Cleaning up ephemeral stream engine"
        case .webSocket: return "[Server] WebSocket: cleaning up ephemeral engine"
        }
    }

    var acquiringLine: String {
        switch self {
        case .execute, .stream: return "[Server] Acquiring semaphore for \(path)"
        case .webSocket: return "[Server] WebSocket: acquiring semaphore"
        }
    }
}
