/// Engine-side audit settings (compat §2.18); their presence also turns on resource tracking.
public struct AuditConfig: Codable, Sendable, Equatable {
    public var enabled = false
    public var destination = "filesystem"
    public var logDir: String?
    public var postLogScript: String?
    public var trackResources = true
    public var retentionDays = 90
    public var includeCode = false
    public var includeOutput = false

    public init() {}
}
