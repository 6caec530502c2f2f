import Foundation

/// The client side of a Docker daemon behind TLS, as the Docker CLI keeps it: a folder
/// with `ca.pem`, `cert.pem` and `key.pem` (`DOCKER_CERT_PATH`), and whether the daemon's
/// certificate is checked (`DOCKER_TLS_VERIFY`).
public struct DockerTLS: Sendable, Equatable {
    public var caFile: String
    public var certFile: String
    public var keyFile: String
    public var verify: Bool

    public init(caFile: String, certFile: String, keyFile: String, verify: Bool = true) {
        self.caFile = caFile
        self.certFile = certFile
        self.keyFile = keyFile
        self.verify = verify
    }

    /// The three files in `directory`, named as the Docker CLI names them.
    public init(directory: String, verify: Bool = true) {
        self.init(caFile: directory + "/ca.pem", certFile: directory + "/cert.pem", keyFile: directory + "/key.pem", verify: verify)
    }

    /// `DOCKER_TLS_VERIFY` / `DOCKER_TLS` with `DOCKER_CERT_PATH` (default `~/.docker`); nil without TLS.
    public static func fromEnvironment(_ env: [String: String]) -> DockerTLS? {
        let verify = !(env["DOCKER_TLS_VERIFY"] ?? "").isEmpty
        guard verify || !(env["DOCKER_TLS"] ?? "").isEmpty else { return nil }
        let home = env["HOME"] ?? NSHomeDirectory()
        let directory = env["DOCKER_CERT_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.docker"
        return DockerTLS(directory: directory, verify: verify)
    }

    /// The first of the three files that cannot be read, for an error that names it.
    public var unreadableFile: String? {
        [caFile, certFile, keyFile].first { !FileManager.default.isReadableFile(atPath: $0) }
    }
}
