/// A Docker daemon as the front ends administer it: images built and listed, orphans reaped,
/// containers cleaned up, its CPU and memory. Runs and inspection go through `Isol8Engine` and
/// `SandboxInspector`; this is the rest, so no front end holds a `DockerClient` of its own.
public struct DockerHost: Sendable {
    let client: DockerClient

    public init(endpoint: DockerEndpoint) {
        client = DockerClient(endpoint: endpoint)
    }

    init(client: DockerClient) {
        self.client = client
    }

    /// The daemon `DOCKER_HOST` names, else the default socket.
    public static func fromEnvironment() throws -> DockerHost {
        DockerHost(client: try DockerClient.fromEnvironment())
    }

    /// Fails unless the daemon answers.
    public func ping() async throws {
        try await client.ping()
    }

    public func hasImage(_ tag: String) async throws -> Bool {
        try await client.inspectImage(tag) != nil
    }

    /// Images `isol8 build` or `prebuiltImages` made (they carry the runtime label).
    public func customImages() async throws -> [ImageSummary] {
        try await client.listImages(filters: ["label": [CustomImageBuilder.runtimeLabel]])
    }

    /// The daemon's CPUs and memory, read once.
    public func limits() async throws -> TargetLimits? {
        try await client.targetLimits()
    }
}
