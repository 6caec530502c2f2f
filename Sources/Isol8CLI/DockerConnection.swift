import Isol8Core

/// The daemon for commands that need one, answering `_ping`, or a CLI failure that
/// says how to get one (compat §8.2, §8.8: exit 1 when Docker is unreachable).
enum DockerConnection {
    static func open() async throws -> DockerClient {
        do {
            let client = try DockerClient.fromEnvironment()
            try await client.ping()
            return client
        } catch {
            throw CLIFailure("Docker is not running or not installed.\n  \(error)\n  Install it with `apt-get install docker.io` and start it with `dockerd &`.")
        }
    }
}
