import Isol8Core

/// Everything one run needs, frozen when `r` is pressed: the code source and request knobs,
/// the engine options, and whether to stream.
public struct RunSpec: Equatable, Sendable {
    /// The run's number.
    public var id: Int
    /// Code source and request-level knobs (runtime, stdin, packages …).
    public var flags: RunFlags
    /// Engine options (limits, network, persist, mode …).
    public var options: Isol8Options
    /// Stream events as they happen (`executeStream`) or collect them (`execute`).
    public var stream: Bool
    /// The engine's concurrency limit from the config.
    public var maxConcurrent: Int

    /// Creates a spec.
    public init(id: Int, flags: RunFlags, options: Isol8Options, stream: Bool, maxConcurrent: Int = 10) {
        self.id = id
        self.flags = flags
        self.options = options
        self.stream = stream
        self.maxConcurrent = maxConcurrent
    }
}
