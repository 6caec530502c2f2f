/// One option, declared once: every name it goes by (config key, CLI flag, environment
/// variable, TUI knob, request field), its kind and bounds, its help, and where its value
/// lives in the config file's settings and in the engine's options.
public struct CatalogOption: Sendable {
    /// The name provenance lists it under: the `Isol8Options` field, or the config key of
    /// a setting the engine does not take.
    public let key: String
    public let configKey: String?
    /// The `isol8 run` flag, with its dashes.
    public let flag: String?
    public let environment: String?
    /// The name after `:set` in the TUI.
    public let knob: String?
    /// Where `POST /execute` carries it inside `options`; nil when the server decides.
    public let requestPath: [String]?
    /// The execute request itself carries it on every run (`request.timeoutMs`), so a
    /// server session honours a new value; other options are its container's, fixed when
    /// the session was created.
    public let perRun: Bool
    public let kind: OptionKind
    /// What a value looks like (`SIZE such as 512m`), for help and completion.
    public let hint: String
    /// The flag's help text.
    public let help: String
    let config: OptionBinding<Isol8Config>?
    let engine: OptionBinding<Isol8Options>?
    /// The value when no settings struct holds the option (`docker.host`).
    let fallback: OptionValue

    init(_ key: String, _ kind: OptionKind, hint: String = "", config configKey: String? = nil, flag: String? = nil,
         environment: String? = nil, knob: String? = nil, request requestPath: [String]? = nil, perRun: Bool = false, help: String = "",
         configBinding: OptionBinding<Isol8Config>? = nil, engineBinding: OptionBinding<Isol8Options>? = nil,
         fallback: OptionValue = .unset) {
        self.key = key
        self.configKey = configKey
        self.flag = flag
        self.environment = environment
        self.knob = knob
        self.requestPath = requestPath
        self.perRun = perRun
        self.kind = kind
        self.hint = hint
        self.help = help
        self.config = configBinding
        self.engine = engineBinding
        self.fallback = fallback
    }

    /// The built-in default, as the config loader starts from it.
    public var defaultValue: OptionValue {
        config?.read(Isol8Config()) ?? engine?.read(Isol8Options()) ?? fallback
    }

    /// Whether the engine takes this option (it has a place in `Isol8Options`).
    public var isEngineOption: Bool { engine != nil }

    /// The request field's dotted name: `options.cpuLimit`.
    public var requestName: String? { requestPath.map { "options." + $0.joined(separator: ".") } }

    /// Reads text, checks it against the fixed bounds and the target's.
    public func parse(_ texts: [String], limits: TargetLimits?) throws -> OptionValue {
        let value = try kind.parse(texts)
        try kind.check(value, limits: limits)
        return value
    }

    /// Reads JSON, checks it against the fixed bounds and the target's.
    public func decode(_ json: Any, limits: TargetLimits?) throws -> OptionValue {
        let value = try kind.decode(json)
        try kind.check(value, limits: limits)
        return value
    }

    /// The value as shown; toggles use their own words (`persistent`).
    public func display(_ value: OptionValue) -> String {
        switch (kind, value) {
        case (.toggle(let on, let off), .toggle(let state)) where on != "true": return state ? on : off
        case (.byteCount, .size(let size)): return String(size.bytes)
        default: return value.display
        }
    }

    /// The option's value in `options`, or its default when the engine does not take it.
    public func value(in options: Isol8Options) -> OptionValue { engine?.read(options) ?? defaultValue }

    /// Sets the option in `options`; options the engine does not take are left alone.
    public func apply(_ value: OptionValue, to options: inout Isol8Options) { engine?.write(&options, value) }

    /// The option's value in the config file's settings; nil when the file has no place for it.
    public func value(in config: Isol8Config) -> OptionValue? { self.config?.read(config) }

    func apply(_ value: OptionValue, to config: inout Isol8Config) { self.config?.write(&config, value) }
}
