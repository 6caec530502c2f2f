import Isol8Core

/// Everything one run needs, frozen when `r` is pressed: the code source and request knobs,
/// the engine options with where each came from, and whether to stream.
public struct RunSpec: Equatable, Sendable {
    /// The run's number.
    public var id: Int
    /// Code source and request-level knobs (runtime, stdin, packages …).
    public var flags: RunFlags
    /// Engine options (limits, network, persist, mode …) and their sources.
    public var effective: EffectiveConfig
    /// Stream events as they happen (`executeStream`) or collect them (`execute`).
    public var stream: Bool
    /// The sandbox to run in instead of one the engine makes.
    public var attached: AttachedSandbox?

    /// Creates a spec.
    public init(id: Int, flags: RunFlags, effective: EffectiveConfig, stream: Bool) {
        self.id = id
        self.flags = flags
        self.effective = effective
        self.stream = stream
    }

    /// The engine options of the run.
    public var options: Isol8Options { effective.options }
    /// The engine's concurrency limit from the config.
    public var maxConcurrent: Int { effective.maxConcurrent }
}

extension RunFlags {
    /// Runs `command` (`:exec`) instead of whatever code the flags named.
    mutating func replaceCode(withCommand command: String) {
        (file, eval, url, github, gist, hash) = (nil, nil, nil, nil, nil, nil)
        cmd = command
    }
}
