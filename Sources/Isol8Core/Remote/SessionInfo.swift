import Foundation

/// One server-side session as `GET /sessions` lists it (compat §1.5).
public struct SessionInfo: Codable, Sendable, Equatable {
    public var id: String
    public var isActive: Bool
    /// ISO-8601 timestamp of the last execution or file call.
    public var lastAccessedAt: String

    public init(id: String, isActive: Bool, lastAccessedAt: String) {
        self.id = id
        self.isActive = isActive
        self.lastAccessedAt = lastAccessedAt
    }
}
