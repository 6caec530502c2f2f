import Foundation
import Logging

/// Removes the containers whose owner process is gone (a client or server that crashed or
/// was killed before it could clean up). Looks only at containers whose owner labels name
/// this host, and never at ones labelled to outlive their owner (`persist`), at owners
/// still running, or at containers without owner labels.
public struct OrphanReaper: Sendable {
    public let client: DockerClient
    private let logger: Logger

    public init(host: DockerHost, logger: Logger = .console("isol8.cleanup")) {
        client = host.client
        self.logger = logger
    }

    /// The ids of the containers it removed.
    public func reap(host: String = ContainerOwner.current.host) async throws -> [String] {
        let candidates = try await client.listContainers(all: true, filters: ["label": ["\(ContainerOwner.hostLabel)=\(host)"]])
        var removed: [String] = []
        for container in candidates {
            let labels = container.Labels ?? [:]
            guard labels[ContainerOwner.keepLabel] != "true", let owner = ContainerOwner(labels: labels),
                  owner.host == host, !owner.isRunning else { continue }
            do {
                try await client.removeContainer(container.Id, force: true)
                removed.append(container.Id)
                logger.debug(.cleanup, "Removed orphaned container \(container.Id.prefix(12)) (owner pid \(owner.pid) is gone)")
            } catch DockerError.api(404, _) {
                continue
            }
        }
        return removed
    }
}
