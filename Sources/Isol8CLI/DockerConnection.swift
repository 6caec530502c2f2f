import Isol8Core

/// The daemon for commands that need one, answering `_ping`, or a CLI failure that
/// says how to get one (compat §8.2, §8.8: exit 1 when Docker is unreachable).
enum DockerConnection {
    static func open() async throws -> DockerHost {
        do {
            let host = try DockerHost.fromEnvironment()
            try await host.ping()
            return host
        } catch {
            throw CLIFailure("Docker is not running or not installed.\n  \(error)\n  Install it with `apt-get install docker.io` and start it with `dockerd &`.")
        }
    }
}
