import Foundation

/// The server's half of run preparation (compat §6.3, §5.4): its config, then the request's
/// `options` (each read and bounded by the catalog, against the daemon's limits), then what a
/// server always decides itself. Every value keeps its source, so the server's debug lines
/// say which options a request changed.
extension RunPreparation {
    public static func options(forRequest given: [String: Any]?, sessionId: String?, config: Isol8Config,
                               limits: TargetLimits?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> EffectiveConfig {
        let everyKey = Set(OptionCatalog.all.compactMap(\.configKey))
        let loaded = ConfigLoader.Loaded(config: config, path: "of the server", keysSet: everyKey, warnings: [])
        var effective = try EffectiveConfig.resolve(loaded, flags: RunFlags(), environment: environment)
        if let given { try apply(given, to: &effective, limits: limits) }

        let mode = OptionCatalog.option("mode")!, debug = OptionCatalog.option("debug")!
        effective.set(mode, to: .toggle(sessionId != nil), source: .server)
        // The server's own lines say what its engines do; a client does not switch them on.
        effective.set(debug, to: .toggle(false), source: .server)
        effective.adopt { $0.audit = config.audit }
        return effective
    }

    /// Request options over the config's: an object such as `networkFilter` replaces the
    /// config's whole (its missing members take their defaults), as isol8's spread does.
    /// Options without a request field (mode, pool, audit, remoteCode, debug, the seccomp
    /// profile path on the server's disk) are the server's to decide and are ignored.
    private static func apply(_ given: [String: Any], to effective: inout EffectiveConfig, limits: TargetLimits?) throws {
        for option in OptionCatalog.all {
            guard let path = option.requestPath, let top = given[path[0]] else { continue }
            let name = option.requestName ?? option.key
            var json: Any? = top
            if path.count == 2 {
                guard let object = top as? [String: Any] else {
                    throw OptionError(name: "options." + path[0], value: "\(top)", problem: .wrongType(expected: "an object"))
                }
                json = object[path[1]]
            }
            let value: OptionValue
            do {
                value = try json.map { try option.decode($0, limits: limits) } ?? option.value(in: Isol8Options())
            } catch let problem as OptionProblem {
                throw OptionError(name: name, value: "\(json!)", problem: problem)
            }
            // A client that sends every option (RemoteEngine does) changes only what differs,
            // so "request" marks what the request changed.
            if option.display(value) != effective.entry(option.key)?.value { effective.set(option, to: value, source: .request) }
        }
    }
}
