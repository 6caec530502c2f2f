/// The three ways to run code, each with its own debug wording (compat §6.8), logged in the `Server` area.
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
        case .execute: return "Reusing existing session: \(id)"
        case .stream: return "Reusing existing session for stream: \(id)"
        case .webSocket: return "WebSocket reusing existing session: \(id)"
        }
    }

    func creatingLine(_ id: String) -> String {
        switch self {
        case .execute: return "Creating new session: \(id)"
        case .stream: return "Creating new session for stream: \(id)"
        case .webSocket: return "WebSocket creating new session: \(id)"
        }
    }

    var ephemeralLine: String {
        switch self {
        case .execute: return "Creating ephemeral engine"
        case .stream: return "Creating ephemeral engine for stream"
        case .webSocket: return "WebSocket creating ephemeral engine"
        }
    }

    var cleanupLine: String {
        switch self {
        case .execute: return "Cleaning up ephemeral engine"
        case .stream: return "Cleaning up ephemeral stream engine"
        case .webSocket: return "WebSocket: cleaning up ephemeral engine"
        }
    }

    var acquiringLine: String {
        switch self {
        case .execute, .stream: return "Acquiring semaphore for \(path)"
        case .webSocket: return "WebSocket: acquiring semaphore"
        }
    }
}
