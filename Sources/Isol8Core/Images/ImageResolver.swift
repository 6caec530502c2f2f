import Foundation
import Logging

/// Picks the image for an execution (compat §2.3): the `image` option, else a custom image
/// whose labels already contain the requested packages, else `isol8:<runtime>`.
actor ImageResolver {
    struct Resolution: Sendable {
        var image: String
        var remainingPackages: [String]
        var setupScript: String?
    }

    private let client: DockerClient
    private let override: String?
    private var cache: [String: String] = [:]
    private let logger: Logger

    init(client: DockerClient, override: String?, logger: Logger) {
        self.logger = logger
        self.client = client
        self.override = override
    }

    func resolve(runtime: Runtime, packages: [String]) async throws -> Resolution {
        if let override {
            return Resolution(image: override, remainingPackages: packages, setupScript: await setupLabel(of: override))
        }
        let wanted = CustomImageBuilder.normalize(packages)
        let key = "\(runtime.rawValue):\(wanted.joined(separator: ","))"
        if let cached = cache[key] {
            return Resolution(image: cached, remainingPackages: [], setupScript: await setupLabel(of: cached))
        }
        if !wanted.isEmpty, let match = try await customMatch(runtime: runtime, packages: wanted) {
            cache[key] = match
            return Resolution(image: match, remainingPackages: [], setupScript: await setupLabel(of: match))
        }
        let base = RuntimeRegistry.adapter(for: runtime).image
        if wanted.isEmpty { cache[key] = base }
        return Resolution(image: base, remainingPackages: packages, setupScript: nil)
    }

    /// An exact label match wins at once; otherwise the last superset seen.
    private func customMatch(runtime: Runtime, packages: [String]) async throws -> String? {
        let images = try await client.listImages(filters: ["label": ["\(CustomImageBuilder.runtimeLabel)=\(runtime.rawValue)"]])
        var superset: String?
        for image in images {
            guard let tag = image.RepoTags?.first(where: { $0 != "<none>:<none>" }),
                  let deps = image.Labels?[CustomImageBuilder.dependenciesLabel] else { continue }
            let has = Set(deps.split(separator: ",").map(String.init))
            guard packages.allSatisfy(has.contains) else { continue }
            if has.count == packages.count {
                logger.debug(.docker, "Found exact custom image match: \(tag)")
                return tag
            }
            superset = tag
        }
        if let superset { logger.debug(.docker, "Found superset custom image match: \(superset)") }
        return superset
    }

    private func setupLabel(of image: String) async -> String? {
        (try? await client.inspectImage(image))??.Config?.Labels?[CustomImageBuilder.setupLabel]
    }
}
