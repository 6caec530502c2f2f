import Foundation

/// Where the Docker daemon listens, parsed from `DOCKER_HOST` (and `DOCKER_TLS_VERIFY`).
public enum DockerEndpoint: Equatable, Sendable, CustomStringConvertible {
    case unix(path: String)
    case tcp(host: String, port: Int)
    /// A daemon on TCP behind TLS with client certificates (port 2376 by convention).
    case tls(host: String, port: Int, certificates: DockerTLS)

    public static let defaultSocket = DockerEndpoint.unix(path: "/var/run/docker.sock")

    /// Reads `DOCKER_HOST` (unix:// or tcp://); unset or empty means the default socket.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> DockerEndpoint {
        guard let value = env["DOCKER_HOST"], !value.isEmpty else { return defaultSocket }
        return try parse(value, tls: DockerTLS.fromEnvironment(env))
    }

    /// `value` as `parse` reads it, on TLS when `tls` is given (TCP only).
    public static func parse(_ value: String, tls: DockerTLS?) throws -> DockerEndpoint {
        let endpoint = try parse(value)
        guard let tls else { return endpoint }
        guard case .tcp(let host, let port) = endpoint else { throw DockerError.badHost(value + " (TLS needs tcp://HOST:PORT)") }
        return .tls(host: host, port: port, certificates: tls)
    }

    public static func parse(_ value: String) throws -> DockerEndpoint {
        if value.hasPrefix("unix://") {
            let path = String(value.dropFirst("unix://".count))
            guard !path.isEmpty else { throw DockerError.badHost(value) }
            return .unix(path: path)
        }
        if value.hasPrefix("tcp://") || value.hasPrefix("http://") {
            let rest = value.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
            let parts = rest.split(separator: ":")
            guard let host = parts.first, !host.isEmpty else { throw DockerError.badHost(value) }
            let port = parts.count > 1 ? Int(parts[1]) : 2375
            guard let port else { throw DockerError.badHost(value) }
            return .tcp(host: String(host), port: port)
        }
        throw DockerError.badHost(value)
    }

    public var description: String {
        switch self {
        case .unix(let path): return "unix://\(path)"
        case .tcp(let host, let port): return "tcp://\(host):\(port)"
        case .tls(let host, let port, _): return "tcp://\(host):\(port) (TLS)"
        }
    }

    /// Base URL for libcurl; a unix socket still needs a syntactically valid http URL.
    var baseURL: String {
        switch self {
        case .unix: return "http://localhost"
        case .tcp(let host, let port): return "http://\(host):\(port)"
        case .tls(let host, let port, _): return "https://\(host):\(port)"
        }
    }
}
