import Isol8Core

/// The knobs of the next run: the effective engine configuration (with where each value came
/// from), the request-level flags (code source, runtime, stdin, packages) and streaming.
/// Every change made in the TUI is recorded with source `tui` and remembered in ``changed``.
public struct KnobState: Sendable {
    /// Engine options and their provenance, as the Config pane lists them.
    public private(set) var effective: EffectiveConfig
    /// The code source and request-level knobs.
    public private(set) var flags: RunFlags
    /// Stream output live (`executeStream`) rather than collect it (`execute`).
    public private(set) var stream: Bool
    /// Config keys changed in this session, highlighted in the Config pane.
    public private(set) var changed: Set<String> = []
    /// What the target's host can give a container, once known: knobs beyond it are refused.
    public var limits: TargetLimits?

    /// Creates the knobs from the resolved config and the command-line flags.
    public init(effective: EffectiveConfig, flags: RunFlags, stream: Bool) {
        self.effective = effective
        self.flags = flags
        self.stream = stream
        self.effective.override("runtime", value: runtime.rawValue,
                                source: flags.runtime == nil ? .builtIn : .flag("--runtime")) { _ in }
        self.effective.override("stream", value: stream ? "on" : "off",
                                source: stream ? .builtIn : .flag("--no-stream")) { _ in }
        self.effective.override("stdin", value: KnobState.describeStdin(flags.stdin),
                                source: flags.stdin == nil ? .builtIn : .flag("--stdin")) { _ in }
        self.effective.override("installPackages", value: KnobState.list(flags.install),
                                source: flags.install.isEmpty ? .builtIn : .flag("--install")) { _ in }
        self.effective.override("workdir", value: flags.workdir ?? "(none)",
                                source: flags.workdir == nil ? .builtIn : .flag("--workdir")) { _ in }
        self.effective.override("filesDir", value: flags.filesDir ?? "(none)",
                                source: flags.filesDir == nil ? .builtIn : .flag("--files")) { _ in }
        self.effective.override("setupScript", value: KnobState.list(flags.setup),
                                source: flags.setup.isEmpty ? .builtIn : .flag("--setup")) { _ in }
    }

    /// The engine options of the next run.
    public var options: Isol8Options { effective.options }

    /// The runtime of the next run: the knob, else the file extension, else the CLI default.
    public var runtime: Runtime { KnobState.runtime(of: flags) }

    /// The runtime `flags` run under: the knob, else the file extension, else the CLI default.
    public static func runtime(of flags: RunFlags) -> Runtime {
        if let name = flags.runtime, let runtime = Runtime(rawValue: name) { return runtime }
        if let file = flags.file, let detected = try? RuntimeRegistry.detect(file) { return detected }
        return flags.cmd != nil ? .bash : .python
    }

    /// The image the next run will use.
    public var resolvedImage: String { options.image ?? RuntimeRegistry.adapter(for: runtime).image }

    /// Every knob with its value, in Config-pane order.
    public var snapshot: [KnobValue] {
        effective.entries.map { KnobValue(key: $0.key, value: $0.value) }
    }

    /// One line naming the knobs people change most, for the history list.
    public var summary: String {
        let o = options
        var parts = [runtime.rawValue, "mem \(o.memoryLimit)", "net \(o.network.rawValue)",
                     "cpu \(JSNumber.text(o.cpuLimit))", "pids \(o.pidsLimit)", "timeout \(o.timeoutMs)ms"]
        if o.persist { parts.append("persist") }
        if o.mode == .persistent { parts.append("persistent") }
        if !stream { parts.append("no-stream") }
        // Every other knob that is not at its default, so a row shows all that made the run.
        let shown: Set<String> = ["runtime", "memoryLimit", "network", "cpuLimit", "pidsLimit", "timeoutMs", "persist", "mode", "stream"]
        for entry in effective.entries where entry.source != .builtIn && !shown.contains(entry.key) {
            parts.append("\(entry.key) \(entry.value)")
        }
        return parts.joined(separator: " · ")
    }

    /// The spec of run `id` with the knobs as they are now.
    public func runSpec(id: Int) -> RunSpec {
        RunSpec(id: id, flags: flags, effective: effective, stream: stream)
    }

    /// Sets a catalog option from the TUI.
    public mutating func set(_ option: CatalogOption, to value: OptionValue) {
        effective.set(option, to: value, source: .tui)
        changed.insert(option.key)
    }

    /// Sets a request-level flag from the TUI and shows it under `key`.
    public mutating func setFlag(_ key: String, value: String, _ apply: (inout RunFlags) -> Void) {
        apply(&flags)
        effective.override(key, value: value, source: .tui) { _ in }
        changed.insert(key)
    }

    /// Replaces the inline code (`-e`, or `--cmd` when that is the source) after an edit.
    public mutating func setInlineCode(_ text: String) {
        if flags.cmd != nil { flags.cmd = text } else { flags.eval = text }
    }

    /// Turns streaming on or off.
    public mutating func setStream(_ on: Bool) {
        stream = on
        effective.override("stream", value: on ? "on" : "off", source: .tui) { _ in }
        changed.insert("stream")
    }

    /// A list knob's value as the Config pane shows it.
    static func list(_ items: [String]) -> String {
        items.isEmpty ? "(none)" : items.joined(separator: ", ")
    }

    /// Stdin is user data, not a secret, but can be long: its size and a short preview.
    static func describeStdin(_ stdin: String?) -> String {
        guard let stdin else { return "(none)" }
        let preview = stdin.count > 24 ? String(stdin.prefix(24)) + "…" : stdin
        return "\(stdin.utf8.count) bytes: \(preview)"
    }
}
