import Foundation
import Logging

/// Finds and removes what isol8 left behind: containers labelled `isol8.managed=true`
/// or made from an `isol8:*` image (so the original isol8's containers are found too).
public struct ContainerJanitor: Sendable {
    public let client: DockerClient
    private let logger: Logger

    public init(host: DockerHost, logger: Logger = .console("isol8.cleanup")) {
        client = host.client
        self.logger = logger
    }

    public struct Removal: Sendable {
        public var removed = 0
        public var failed = 0
        public var errors: [String] = []
    }

    public func candidateContainers() async throws -> [ContainerSummary] {
        let all = try await client.listContainers(all: true)
        let matches = all.filter { container in
            container.Labels?["isol8.managed"] == "true"
                || container.Image.hasPrefix("isol8:") || container.Image.hasPrefix("isol8-custom:")
        }
        logger.debug(.cleanup, "Found \(all.count) total containers, \(matches.count) isol8 containers")
        return matches
    }

    public func candidateImages() async throws -> [ImageSummary] {
        try await client.listImages().filter { ($0.RepoTags ?? []).contains { $0.hasPrefix("isol8:") } }
    }

    public func remove(containers: [ContainerSummary]) async -> Removal {
        var result = Removal()
        for container in containers {
            do {
                try await client.removeContainer(container.Id, force: true)
                result.removed += 1
            } catch {
                result.failed += 1
                result.errors.append("\(container.Id.prefix(12)): \(error)")
            }
        }
        return result
    }

    public func remove(images: [ImageSummary]) async -> Removal {
        var result = Removal()
        for image in images {
            do {
                try await client.removeImage(image.Id, force: true)
                result.removed += 1
            } catch {
                result.failed += 1
                result.errors.append("\(image.RepoTags?.first ?? String(image.Id.prefix(12))): \(error)")
            }
        }
        return result
    }
}
