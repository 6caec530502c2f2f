import Foundation

/// The Docker CLI's contexts (`docker context ls`): `~/.docker/contexts/meta/<sha256 of the
/// name>/meta.json` with the endpoint, TLS files beside it under `contexts/tls/<same>/docker/`.
public struct DockerContexts: Sendable {
    public var directory: String

    public init(home: String) {
        directory = home + "/.docker/contexts"
    }

    /// Every context with a Docker endpoint this client can speak to, sorted by name.
    public func targets() -> [Target] {
        let meta = directory + "/meta"
        guard let folders = try? FileManager.default.contentsOfDirectory(atPath: meta) else { return [] }
        return folders.sorted().compactMap { folder in
            guard let data = FileManager.default.contents(atPath: "\(meta)/\(folder)/meta.json"),
                  let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                  let name = object["Name"] as? String,
                  let docker = (object["Endpoints"] as? [String: Any])?["docker"] as? [String: Any],
                  let host = docker["Host"] as? String else { return nil }
            let tlsFolder = "\(directory)/tls/\(folder)/docker"
            let hasTLS = FileManager.default.fileExists(atPath: tlsFolder + "/cert.pem")
            let verify = !(docker["SkipTLSVerify"] as? Bool ?? false)
            guard let endpoint = try? DockerEndpoint.parse(host, tls: hasTLS ? DockerTLS(directory: tlsFolder, verify: verify) : nil) else {
                return nil
            }
            return Target(name: name, kind: .docker(endpoint), origin: .dockerContext)
        }.sorted { $0.name < $1.name }
    }
}
