import Foundation

/// The run in progress; at most one exists at a time.
public struct RunState: Sendable {
    /// What was asked for.
    public var spec: RunSpec
    /// When `r` was pressed.
    public var startedAt: Date
    /// `x` was pressed; waiting for the engine to stop.
    public var cancelling = false
    /// The container the run uses, once known.
    public var containerId: String?
    /// The `exit` event's code, once it arrived.
    public var exitCode: Int?
    /// Flags raised by the engine's `error` events.
    public var timedOut = false
    public var oomKilled = false
    public var cancelled = false
    /// Other `error` events (setup failures …).
    public var errors: [String] = []

    /// The run's number.
    public var id: Int { spec.id }

    /// Creates the state of a run that just started.
    public init(spec: RunSpec, startedAt: Date) {
        self.spec = spec
        self.startedAt = startedAt
    }
}
