import Foundation

/// Failures talking to the Docker daemon, each with a message that names the fix.
public enum DockerError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case unreachable(endpoint: String, reason: String)
    case badHost(String)
    case imageMissing(String)
    case api(status: Int, message: String)
    case protocolError(String)
    case cancelled

    public var description: String {
        switch self {
        case .unreachable(let endpoint, let reason) where endpoint.hasSuffix("(TLS)"):
            return "Cannot reach Docker at \(endpoint): \(reason) — check the certificates (DOCKER_CERT_PATH, or the target's certPath) and DOCKER_TLS_VERIFY."
        case .unreachable(let endpoint, _):
            return "Cannot reach Docker at \(endpoint) — is dockerd running? Set DOCKER_HOST to point elsewhere."
        case .badHost(let value):
            return "Invalid DOCKER_HOST \"\(value)\": use unix:///path/to/docker.sock or tcp://host:port."
        case .imageMissing(let image):
            return "Image \(image) not found — run `isol8 setup` to build the isol8 images."
        case .api(let status, let message):
            return "Docker API error (\(status)): \(message)"
        case .protocolError(let message):
            return "Unexpected answer from Docker: \(message)"
        case .cancelled:
            return "Docker request cancelled"
        }
    }

    public var errorDescription: String? { description }
}
