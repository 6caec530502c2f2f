import Foundation

/// Body of `POST /containers/create` (only the fields isol8 sets).
public struct ContainerSpec: Encodable, Sendable {
    public var Image: String
    public var Cmd: [String]
    public var WorkingDir: String?
    public var Env: [String]
    public var Labels: [String: String]
    public var NetworkDisabled: Bool?
    public var StopTimeout: Int?
    public var HostConfig: HostSettings

    public struct HostSettings: Encodable, Sendable {
        public var Memory: Int64?
        public var MemorySwap: Int64?
        public var NanoCpus: Int64?
        public var PidsLimit: Int64?
        public var ReadonlyRootfs: Bool?
        public var Tmpfs: [String: String]?
        public var ShmSize: Int64?
        public var SecurityOpt: [String]?
        public var NetworkMode: String?
        public var CapAdd: [String]?
        public var ExtraHosts: [String]?

        public init() {}
    }

    public init(image: String, cmd: [String]) {
        Image = image
        Cmd = cmd
        Env = []
        Labels = [:]
        HostConfig = HostSettings()
    }
}

/// Body of `POST /containers/{id}/exec`.
public struct ExecSpec: Encodable, Sendable {
    public var Cmd: [String]
    public var User: String?
    public var WorkingDir: String?
    public var Env: [String]?
    public var AttachStdin = false
    public var AttachStdout = true
    public var AttachStderr = true
    public var Tty = false

    public init(cmd: [String], user: String? = nil, workingDir: String? = nil, env: [String]? = nil) {
        Cmd = cmd
        User = user
        WorkingDir = workingDir
        Env = env
    }
}
