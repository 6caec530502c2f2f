import Foundation

/// Every target a front end can switch to: the local daemon (`DOCKER_HOST`, with TLS from
/// `DOCKER_TLS_VERIFY` / `DOCKER_CERT_PATH`), the config file's `targets`, and the Docker
/// CLI's contexts — found the way k9s finds kube contexts.
public struct TargetCatalog: Sendable {
    public private(set) var targets: [Target]

    public init(targets: [Target]) {
        self.targets = targets
    }

    public static func discover(config: Isol8Config, environment: [String: String] = ProcessInfo.processInfo.environment,
                                home: String = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) throws -> TargetCatalog {
        let local = Target(name: Target.localName, kind: .docker(try DockerEndpoint.fromEnvironment(environment)), origin: .environment)
        var catalog = TargetCatalog(targets: [local])
        for target in config.targets { catalog.add(target) }
        for target in DockerContexts(home: home).targets() where target.kind != local.kind { catalog.add(target) }
        return catalog
    }

    /// Adds `target` unless one of that name is there already (earlier sources win).
    public mutating func add(_ target: Target) {
        guard named(target.name) == nil else { return }
        targets.append(target)
    }

    /// Puts `target` first, replacing one of the same name (the command line's `--host`).
    public mutating func prefer(_ target: Target) {
        targets.removeAll { $0.name == target.name }
        targets.insert(target, at: 0)
    }

    public func named(_ name: String) -> Target? { targets.first { $0.name == name } }

    /// The target called `name`, or an error listing the ones there are.
    public func require(_ name: String) throws -> Target {
        guard let target = named(name) else {
            throw Isol8Error.invalidOption("Unknown target \"\(name)\": use one of \(targets.map(\.name).joined(separator: ", ")) "
                + "(targets come from DOCKER_HOST, the config's \"targets\" and docker contexts)")
        }
        return target
    }
}
