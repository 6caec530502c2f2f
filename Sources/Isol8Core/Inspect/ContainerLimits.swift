import Foundation

/// The limits Docker reports it applied (HostConfig), to set against what was asked for.
public struct ContainerLimits: Sendable, Equatable, Codable {
    public var memoryBytes: Int64?
    public var nanoCpus: Int64?
    public var pidsLimit: Int64?
    public var readonlyRootfs: Bool?
    public var networkMode: String?
    public var tmpfs: [String: String]
    public var shmBytes: Int64?

    public init(memoryBytes: Int64? = nil, nanoCpus: Int64? = nil, pidsLimit: Int64? = nil, readonlyRootfs: Bool? = nil,
                networkMode: String? = nil, tmpfs: [String: String] = [:], shmBytes: Int64? = nil) {
        self.memoryBytes = memoryBytes
        self.nanoCpus = nanoCpus
        self.pidsLimit = pidsLimit
        self.readonlyRootfs = readonlyRootfs
        self.networkMode = networkMode
        self.tmpfs = tmpfs
        self.shmBytes = shmBytes
    }
}
