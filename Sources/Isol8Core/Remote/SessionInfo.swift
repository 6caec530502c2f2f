import Foundation

/// One server-side session as `GET /sessions` lists it (compat §1.5). `createdAt` and
/// `pruneAt` are additions of this port's server; an isol8 server leaves them out.
public struct SessionInfo: Codable, Sendable, Equatable {
    public var id: String
    public var isActive: Bool
    /// ISO-8601 timestamp of the last execution or file call.
    public var lastAccessedAt: String
    /// ISO-8601 timestamp of the session's creation.
    public var createdAt: String?
    /// ISO-8601 time from which auto-prune removes the session if it stays idle
    /// (`lastAccessedAt` + `cleanup.maxContainerAgeMs`); absent while it runs code or when
    /// `cleanup.autoPrune` is off.
    public var pruneAt: String?

    public init(id: String, isActive: Bool, lastAccessedAt: String, createdAt: String? = nil, pruneAt: String? = nil) {
        self.id = id
        self.isActive = isActive
        self.lastAccessedAt = lastAccessedAt
        self.createdAt = createdAt
        self.pruneAt = pruneAt
    }
}
