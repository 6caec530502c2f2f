import Foundation

/// Builds the `isol8:<runtime>` images offline: one Debian rootfs (from `RootfsBuilder`)
/// imported once and tagged for every runtime, so the images share their only layer.
public struct BaseImageBuilder {
    public static let hashLabel = "org.isol8.build.hash"

    public enum Status: Equatable, Sendable {
        case built, upToDate
    }

    let client: DockerClient
    let rootfs: RootfsBuilder
    let progress: @Sendable (String) -> Void

    public init(client: DockerClient, rootfs: RootfsBuilder, progress: @escaping @Sendable (String) -> Void) {
        self.client = client
        self.rootfs = rootfs
        self.progress = progress
    }

    /// Makes every buildable runtime image current; `force` rebuilds even current ones.
    public func ensure(_ runtimes: [Runtime] = Runtime.buildable, force: Bool) async throws -> [(Runtime, Status)] {
        let hash = try rootfs.recipeHash()
        var statuses = [(Runtime, Status)]()
        var stale = [Runtime]()
        var previousIDs = Set<String>()
        for runtime in runtimes {
            let existing = try await client.inspectImage(tag(runtime))
            if let existing { previousIDs.insert(existing.Id) }
            if !force, existing?.Config?.Labels?[Self.hashLabel] == hash {
                statuses.append((runtime, .upToDate))
            } else {
                stale.append(runtime)
            }
        }
        guard let first = stale.first else { return statuses }

        let tarball = try rootfs.tarball(force: force)
        let started = Date()
        progress("[Setup] Importing root filesystem as \(tag(first)) …")
        try await client.importImage(tarball: tarball, repo: "isol8", tag: first.rawValue, changes: [
            #"ENTRYPOINT ["/usr/bin/tini", "--"]"#,
            "WORKDIR /sandbox",
            "LABEL \(Self.hashLabel)=\(hash)",
        ])
        progress("[Setup] Imported \(tag(first)) in \(Int(Date().timeIntervalSince(started)))s")
        for runtime in stale.dropFirst() {
            try await client.tagImage(tag(first), repo: "isol8", tag: runtime.rawValue)
        }
        let newID = try await client.inspectImage(tag(first))?.Id
        for old in previousIDs where old != newID {
            try? await client.removeImage(old, force: false)
        }
        return statuses + stale.map { ($0, .built) }
    }

    private func tag(_ runtime: Runtime) -> String { "isol8:\(runtime.rawValue)" }
}
