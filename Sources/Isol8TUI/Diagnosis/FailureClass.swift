/// The kinds of failure the Diagnosis view tells apart, in the order they are checked: the
/// first that fits is the headline (a blocked host explains the traceback that follows it).
public enum FailureClass: String, CaseIterable, Sendable {
    case outOfMemory
    case timeout
    case setupFailed
    case packageInstallFailed
    case hostBlocked
    case noNetworkForNames
    case processLimit
    case diskFull
    case readOnlyRoot
    case wrongRuntime
    case outputTruncated
    case traceback

    /// The name the status line and the Diagnosis view show.
    public var title: String {
        switch self {
        case .outOfMemory: return "out of memory"
        case .timeout: return "timeout"
        case .setupFailed: return "setup script failed"
        case .packageInstallFailed: return "package install failed"
        case .hostBlocked: return "host blocked"
        case .noNetworkForNames: return "no network: names do not resolve"
        case .processLimit: return "process limit"
        case .diskFull: return "disk full"
        case .readOnlyRoot: return "read-only root"
        case .wrongRuntime: return "wrong runtime"
        case .outputTruncated: return "output truncated"
        case .traceback: return "error with a traceback"
        }
    }
}
