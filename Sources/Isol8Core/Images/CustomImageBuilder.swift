import Crypto
import Foundation
import Logging

/// Builds custom images with packages (and an optional setup script) baked in (compat §2.2):
/// a container of the base image installs them as root and is committed with the labels
/// image resolution matches on. No Dockerfile build, so no registry is needed.
public struct CustomImageBuilder {
    public static let runtimeLabel = "org.isol8.runtime"
    public static let dependenciesLabel = "org.isol8.dependencies"
    public static let depsHashLabel = "org.isol8.deps.hash"
    public static let setupLabel = "org.isol8.setup"

    public enum Status: Equatable, Sendable {
        case built, upToDate
    }

    let client: DockerClient
    let packageIndex: PackageIndex
    let extraHosts: [String]
    let logger: Logger

    public init(host: DockerHost, packageIndex: PackageIndex = PackageIndex(), extraHosts: [String] = [],
                logger: Logger = .console("isol8.images")) {
        self.logger = logger
        client = host.client
        self.packageIndex = packageIndex
        self.extraHosts = extraHosts
    }

    /// Trimmed, non-empty, de-duplicated, sorted.
    public static func normalize(_ packages: [String]) -> [String] {
        Array(Set(packages.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })).sorted()
    }

    public static func depsHash(runtime: Runtime, packages: [String], setupScript: String?) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(runtime.rawValue.utf8))
        for package in normalize(packages) { hasher.update(data: Data(package.utf8)) }
        if let setupScript { hasher.update(data: Data(("setup:" + setupScript).utf8)) }
        return hasher.finalize().hexString
    }

    public func build(runtime: Runtime, tag: String, packages: [String], setupScript: String?, force: Bool) async throws -> Status {
        guard Runtime.buildable.contains(runtime) else { throw Isol8Error.runtimeNotBuildable(runtime) }
        let packages = Self.normalize(packages)
        for package in packages { try PackageName.validate(package) }
        let hash = Self.depsHash(runtime: runtime, packages: packages, setupScript: setupScript)
        let existing = try await client.inspectImage(tag)
        if !force, existing?.Config?.Labels?[Self.depsHashLabel] == hash { return .upToDate }

        var spec = ContainerSpec(image: "isol8:\(runtime.rawValue)", cmd: ["sleep", "infinity"])
        spec.Env = SandboxEnvironment.container(Isol8Options())
        spec.HostConfig.ExtraHosts = extraHosts.isEmpty ? nil : extraHosts
        let container = try await client.createContainer(spec)
        do {
            try await client.startContainer(container)
            if !packages.isEmpty { try await install(packages, runtime: runtime, in: container) }
            var changes = [
                "LABEL \(Self.runtimeLabel)=\(runtime.rawValue)",
                "LABEL \(Self.dependenciesLabel)=\(packages.joined(separator: ","))",
                "LABEL \(Self.depsHashLabel)=\(hash)",
            ]
            if let setupScript { changes.append("LABEL \(Self.setupLabel)=\(Self.labelValue(setupScript))") }
            try await client.stopContainer(container, graceSeconds: 0)
            try await client.commit(container, repo: Self.repo(of: tag), tag: Self.version(of: tag), changes: changes)
        } catch {
            try? await client.removeContainer(container, force: true)
            throw error
        }
        try? await client.removeContainer(container, force: true)
        if let old = existing?.Id, old != (try? await client.inspectImage(tag))?.Id {
            try? await client.removeImage(old, force: false)
        }
        return .built
    }

    /// System-wide installs as root, so the packages live outside the /sandbox tmpfs.
    private func install(_ packages: [String], runtime: Runtime, in container: String) async throws {
        var env = ["PATH=\(SandboxEnvironment.extendedPath)"]
        let argv: [String]
        switch runtime {
        case .python:
            argv = ["pip", "install", "--break-system-packages", "--no-cache-dir", "--disable-pip-version-check"] + packages
            if let url = packageIndex.pipIndexURL {
                env.append("PIP_INDEX_URL=\(url)")
                if url.hasPrefix("http://"), let host = URLComponents(string: url)?.host { env.append("PIP_TRUSTED_HOST=\(host)") }
            }
        case .node:
            argv = ["npm", "install", "-g"] + packages
            if let registry = packageIndex.npmRegistry { env.append("NPM_CONFIG_REGISTRY=\(registry)") }
        case .bun:
            argv = ["bun", "install", "-g"] + packages
            if let registry = packageIndex.npmRegistry { env.append("BUN_CONFIG_REGISTRY=\(registry)") }
        case .deno:
            argv = ["sh", "-c", packages.map { "deno cache \($0)" }.joined(separator: " && ")]
        case .bash, .agent:
            argv = ["sh", "-c", "apt-get update && apt-get install -y --no-install-recommends " + ShellQuote.join(packages)]
        }
        logger.debug(.imageBuilder, "Installing into \(container.prefix(12)): \(PackageInstaller.jsonArgv(argv))")
        let output = try await client.run(container, ExecSpec(cmd: argv, env: env))
        guard output.exitCode == 0 else {
            throw Isol8Error.packageInstallFailed(exitCode: output.exitCode, stderr: output.stderrText.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Dockerfile LABEL values are quoted; newlines are kept as `\n` escapes.
    static func labelValue(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    static func repo(of tag: String) -> String {
        guard let colon = tag.lastIndex(of: ":"), !tag[colon...].contains("/") else { return tag }
        return String(tag[..<colon])
    }

    static func version(of tag: String) -> String {
        guard let colon = tag.lastIndex(of: ":"), !tag[colon...].contains("/") else { return "latest" }
        return String(tag[tag.index(after: colon)...])
    }
}
