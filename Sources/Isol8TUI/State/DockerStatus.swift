/// What the header says about the Docker target.
public enum DockerStatus: Equatable, Sendable {
    /// Not asked yet.
    case unknown
    /// The daemon answered: its endpoint and the negotiated Engine API version.
    case ready(endpoint: String, apiVersion: String)
    /// The daemon did not answer.
    case unavailable(String)
}
