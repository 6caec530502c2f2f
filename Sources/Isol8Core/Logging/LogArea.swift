/// The `[Area]` tag of an isol8 log line (the original's component prefixes). It travels as
/// the `area` metadata value, so a handler can filter on it; `LineLogHandler` prints it.
public struct LogArea: RawRepresentable, Hashable, Sendable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let cli = LogArea(rawValue: "CLI")
    public static let run = LogArea(rawValue: "Run")
    public static let serve = LogArea(rawValue: "Serve")
    public static let server = LogArea(rawValue: "Server")
    public static let config = LogArea(rawValue: "Config")
    public static let cleanup = LogArea(rawValue: "Cleanup")
    public static let login = LogArea(rawValue: "Login")
    public static let pool = LogArea(rawValue: "Pool")
    public static let persist = LogArea(rawValue: "Persist")
    public static let docker = LogArea(rawValue: "Docker")
    public static let filtered = LogArea(rawValue: "Filtered")
    public static let networkLogs = LogArea(rawValue: "NetworkLogs")
    public static let imageBuilder = LogArea(rawValue: "ImageBuilder")
    public static let stats = LogArea(rawValue: "Stats")
    public static let remote = LogArea(rawValue: "Remote")

    /// A package installer's output line: `[install:<runtime>:<stdout|stderr>]`.
    public static func install(_ runtime: Runtime, _ stream: OutputChannel) -> LogArea {
        LogArea(rawValue: "install:\(runtime.rawValue):\(stream)")
    }
}
