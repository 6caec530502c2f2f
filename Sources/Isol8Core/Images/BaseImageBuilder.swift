import Crypto
import Foundation

/// Builds the `isol8:<runtime>` images offline: the Debian rootfs (from `RootfsBuilder`) is
/// imported once as `isol8:rootfs`, the `isol8-proxy` binary is added as a second layer by
/// committing a container, and the result is tagged for every runtime (one shared image).
/// Keeping the proxy out of the rootfs means a proxy change costs seconds, not a debootstrap.
public struct BaseImageBuilder {
    public static let hashLabel = "org.isol8.build.hash"
    static let rootfsHashLabel = "org.isol8.rootfs.hash"
    static let rootfsTag = "isol8:rootfs"
    public static let proxyPath = "/usr/local/bin/isol8-proxy"

    public enum Status: Equatable, Sendable {
        case built, upToDate
    }

    let client: DockerClient
    let rootfs: RootfsBuilder
    let proxyBinary: URL
    let progress: @Sendable (String) -> Void

    public init(host: DockerHost, rootfs: RootfsBuilder, proxyBinary: URL, progress: @escaping @Sendable (String) -> Void) {
        client = host.client
        self.rootfs = rootfs
        self.proxyBinary = proxyBinary
        self.progress = progress
    }

    /// The `org.isol8.build.hash` label: the rootfs recipe plus the proxy binary's digest.
    public func buildHash() throws -> String {
        let memo = FileDigestMemo(storeURL: rootfs.cacheDirectory.appendingPathComponent("file-digests.json"))
        let recipe = "rootfs \(try rootfs.recipeHash())\nproxy \(try memo.digest(of: proxyBinary))\n"
        return SHA256.hash(data: Data(recipe.utf8)).hexString
    }

    /// Makes every buildable runtime image current; `force` rebuilds even current ones.
    public func ensure(_ runtimes: [Runtime] = Runtime.buildable, force: Bool) async throws -> [(Runtime, Status)] {
        let hash = try buildHash()
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

        try await ensureRootfsImage(force: force)
        try await addProxyLayer(as: first, hash: hash)
        for runtime in stale.dropFirst() {
            try await client.tagImage(tag(first), repo: "isol8", tag: runtime.rawValue)
        }
        let newID = try await client.inspectImage(tag(first))?.Id
        for old in previousIDs where old != newID {
            try? await client.removeImage(old, force: false)
        }
        return statuses + stale.map { ($0, .built) }
    }

    private func ensureRootfsImage(force: Bool) async throws {
        let recipe = try rootfs.recipeHash()
        if !force, try await client.inspectImage(Self.rootfsTag)?.Config?.Labels?[Self.rootfsHashLabel] == recipe { return }
        let tarball = try await Task.detached { try rootfs.tarball(force: force) }.value
        let started = Date()
        progress("[Setup] Importing root filesystem as \(Self.rootfsTag) …")
        try await client.importImage(tarball: tarball, repo: "isol8", tag: "rootfs", changes: [
            #"ENTRYPOINT ["/usr/bin/tini", "--"]"#,
            "WORKDIR /sandbox",
            "LABEL \(Self.rootfsHashLabel)=\(recipe)",
        ])
        progress("[Setup] Imported \(Self.rootfsTag) in \(Int(Date().timeIntervalSince(started)))s")
    }

    private func addProxyLayer(as runtime: Runtime, hash: String) async throws {
        guard let proxy = FileManager.default.contents(atPath: proxyBinary.path) else {
            throw RootfsBuildError.extraFileUnreadable(path: proxyBinary.path, reason: "not found")
        }
        let container = try await client.createContainer(ContainerSpec(image: Self.rootfsTag, cmd: ["true"]))
        do {
            try await client.putArchive(container, path: "/usr/local/bin",
                                        tar: TarArchive.singleFile(name: "isol8-proxy", data: proxy, mode: 0o755))
            try await client.commit(container, repo: "isol8", tag: runtime.rawValue, changes: [
                #"CMD ["sleep", "infinity"]"#,
                "LABEL \(Self.hashLabel)=\(hash)",
            ])
        } catch {
            try? await client.removeContainer(container, force: true)
            throw error
        }
        try? await client.removeContainer(container, force: true)
    }

    private func tag(_ runtime: Runtime) -> String { "isol8:\(runtime.rawValue)" }
}
