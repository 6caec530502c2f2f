import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds, offline from any Docker registry, the Debian bookworm root filesystem behind every
/// `isol8:<runtime>` image: debootstrap from the machine's apt mirror, npm through apt, deno
/// and bun from their PyPI wheels, the `sandbox` user pinned to 100:101, tini at `/usr/bin/tini`
/// (and `/sbin/tini`). The result is a plain tarball for `docker import` with
/// `ENTRYPOINT ["/usr/bin/tini","--"]` and `WORKDIR /sandbox`.
///
/// Building needs root and about 2 GB of free disk, and takes about two minutes; the tarball
/// is cached per recipe hash, so later calls return at once.
public struct RootfsBuilder: Sendable {
    /// Entrypoint for images imported from the tarball.
    public static let entrypoint = ["/usr/bin/tini", "--"]
    public static let workingDirectory = "/sandbox"

    public let cacheDirectory: URL
    private let progress: @Sendable (String) -> Void

    /// `$XDG_CACHE_HOME/isol8`, else `~/.cache/isol8`.
    public static var defaultCacheDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("isol8")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/isol8")
    }

    /// - Parameters:
    ///   - progress: receives `[Setup] …` lines: one when a long step starts, one with its
    ///     elapsed seconds when it ends.
    public init(cacheDirectory: URL = RootfsBuilder.defaultCacheDirectory,
                progress: @escaping @Sendable (String) -> Void) {
        self.cacheDirectory = cacheDirectory
        self.progress = progress
    }

    /// SHA-256 hex of everything that determines the rootfs (recipe version, package lists,
    /// pinned wheels, user ids); the tarball's cache key.
    public func recipeHash() throws -> String {
        RootfsRecipe.hash(architecture: try Self.architecture())
    }

    /// The cached tarball for the current recipe, building it first when missing or `force`.
    /// Concurrent callers sharing a cache directory wait for one build instead of racing.
    public func tarball(force: Bool = false) throws -> URL {
        let hash = try recipeHash()
        let target = cacheDirectory.appendingPathComponent("rootfs-\(hash.prefix(16)).tar")
        if !force, FileManager.default.fileExists(atPath: target.path) { return target }

        try checkPrerequisites()
        do {
            try FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        } catch {
            throw RootfsBuildError.fileSystem("Cannot create the cache directory \(cacheDirectory.path): \(error.localizedDescription)")
        }
        let lock = try RootfsScratch.lock(in: cacheDirectory) {
            progress("[Setup] waiting for another isol8 rootfs build to finish …")
        }
        defer { lock.release() }
        if !force, FileManager.default.fileExists(atPath: target.path) { return target }

        RootfsScratch.sweepStale(in: cacheDirectory)
        try checkFreeSpace()
        let work = try RootfsScratch.create(in: cacheDirectory)
        defer { RootfsScratch.remove(work) }

        let runner = try RootfsCommandRunner(logURL: cacheDirectory.appendingPathComponent("rootfs-build.log"))
        let started = Date()
        let built = try RootfsBuild(work: work, runner: runner, progress: progress).run()
        // Same file system as the target (the work dir sits in the cache), so rename is atomic
        // and replaces an old tarball in one step.
        guard rename(built.path, target.path) == 0 else {
            throw RootfsBuildError.fileSystem("Cannot move the tarball to \(target.path): \(String(cString: strerror(errno)))")
        }
        removeOtherTarballs(keeping: target)
        let size = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
        progress("[Setup] rootfs ready: \(target.path) (\(size / 1_000_000) MB) in \(Int(Date().timeIntervalSince(started).rounded()))s")
        return target
    }

    static func architecture() throws -> String {
        var info = utsname()
        uname(&info)
        let machine = withUnsafeBytes(of: &info.machine) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        switch machine {
        case "x86_64", "amd64": return "x86_64"
        case "aarch64", "arm64": return "aarch64"
        default: throw RootfsBuildError.unsupportedArchitecture(machine)
        }
    }

    private func checkPrerequisites() throws {
        guard geteuid() == 0 else { throw RootfsBuildError.notRoot }
        let tools = [("debootstrap", "debootstrap"), ("chroot", "coreutils"), ("tar", "tar"), ("python3", "python3")]
        for (tool, package) in tools where RootfsCommandRunner.locate(tool) == nil {
            throw RootfsBuildError.toolMissing(tool: tool, package: package)
        }
    }

    /// Measured: rootfs ≈ 870 MB before shrinking, tarball ≈ 560 MB, both present at once.
    private func checkFreeSpace() throws {
        let needed: Int64 = 2_000_000_000
        let attributes = try? FileManager.default.attributesOfFileSystem(forPath: cacheDirectory.path)
        if let free = (attributes?[.systemFreeSize] as? NSNumber)?.int64Value, free < needed {
            throw RootfsBuildError.fileSystem(
                "Only \(free / 1_000_000) MB free in \(cacheDirectory.path); building the isol8 rootfs needs about \(needed / 1_000_000) MB — free some space or pass another cache directory.")
        }
    }

    /// Tarballs of older recipes are ~560 MB each and never used again.
    private func removeOtherTarballs(keeping target: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory.path)) ?? []
        for name in names where name.hasPrefix("rootfs-") && name.hasSuffix(".tar") && name != target.lastPathComponent {
            try? FileManager.default.removeItem(at: cacheDirectory.appendingPathComponent(name))
        }
    }
}
