/// Where sandboxes run: a Docker daemon (the local one, or another over TCP/TLS) or an
/// isol8 server. The TUI switches between targets as k9s switches kube contexts.
public struct Target: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case docker(DockerEndpoint)
        /// An `isol8 serve` at `url`; `key` nil means "find one as `isol8 run --host` does";
        /// with `session`, runs go to that named session.
        case server(url: String, key: String?, session: String? = nil)
    }

    /// Where the target was declared, shown in the Targets list.
    public enum Origin: String, Sendable, Equatable {
        case environment = "DOCKER_HOST"
        case config = "config"
        case dockerContext = "docker context"
        case commandLine = "command line"
    }

    public var name: String
    public var kind: Kind
    public var origin: Origin

    public init(name: String, kind: Kind, origin: Origin) {
        self.name = name
        self.kind = kind
        self.origin = origin
    }

    /// The target the TUI starts on unless told otherwise: `DOCKER_HOST`, else the socket.
    public static let localName = "local"

    /// What the header and the Targets list show for where it points.
    public var address: String {
        switch kind {
        case .docker(let endpoint): return endpoint.description
        case .server(let url, _, let session): return session.map { "\(url) session \($0)" } ?? url
        }
    }
}
