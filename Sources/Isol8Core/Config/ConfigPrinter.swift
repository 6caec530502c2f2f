import Foundation

/// The three renderings of `isol8 config`: the spec's summary (§8.6), resolved JSON in the
/// spec's key order (§5.2), and the provenance table.
public enum ConfigPrinter {
    public static func summary(_ loaded: ConfigLoader.Loaded) -> String {
        let c = loaded.config
        func list(_ items: [String]) -> String { items.isEmpty ? "(none)" : items.joined(separator: ", ") }
        func yes(_ flag: Bool) -> String { flag ? "yes" : "no" }
        let pool = c.poolSize.clean == c.poolSize.dirty ? "\(c.poolSize.clean)" : "\(c.poolSize.clean),\(c.poolSize.dirty)"
        return """

        Isol8 Configuration

          Source: \(loaded.path ?? "defaults (no config file found)")

          ── General ──
          Max concurrent:  \(c.maxConcurrent)

          ── Defaults ──
          Timeout:         \(c.defaults.timeoutMs)ms
          Memory limit:    \(c.defaults.memoryLimit)
          CPU limit:       \(number(c.defaults.cpuLimit))
          Network:         \(c.defaults.network.rawValue)
          Sandbox size:    \(c.defaults.sandboxSize)
          Tmp size:        \(c.defaults.tmpSize)

          ── Network Filter ──
          Whitelist:       \(list(c.network.whitelist))

          ── Remote Code ──
          Enabled:         \(yes(c.remoteCode.enabled))
          Schemes:         \(list(c.remoteCode.allowedSchemes))
          Max code size:   \(c.remoteCode.maxCodeSize) bytes
          Fetch timeout:   \(c.remoteCode.fetchTimeoutMs)ms
          Require hash:    \(yes(c.remoteCode.requireHash))
          Blacklist:       \(list(c.network.blacklist))

          ── Cleanup ──
          Auto-prune:      \(yes(c.cleanup.autoPrune))
          Max idle time:   \(c.cleanup.maxContainerAgeMs)ms (\(Int((Double(c.cleanup.maxContainerAgeMs) / 60000).rounded()))min)

          ── Pool Defaults (Serve) ──
          Pool strategy:   \(c.poolStrategy.rawValue)
          Pool size:       \(pool)


        """
    }

    public static func sourcesTable(_ effective: EffectiveConfig) -> String {
        let keyWidth = max(3, effective.entries.map(\.key.count).max() ?? 0)
        let valueWidth = min(40, max(5, effective.entries.map(\.value.count).max() ?? 0))
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        var lines = [pad("KEY", keyWidth) + "  " + pad("VALUE", valueWidth) + "  SOURCE"]
        for entry in effective.entries {
            lines.append(pad(entry.key, keyWidth) + "  " + pad(entry.value, valueWidth) + "  " + entry.source.description)
        }
        return lines.joined(separator: "\n")
    }

    /// Resolved config in the spec's key order; undefined values are left out.
    public static func json(_ c: Isol8Config, pretty: Bool = true) -> String {
        var root = OrderedJSON()
        root["maxConcurrent"] = c.maxConcurrent
        var defaults = OrderedJSON()
        defaults["timeoutMs"] = c.defaults.timeoutMs
        defaults["memoryLimit"] = c.defaults.memoryLimit
        defaults["cpuLimit"] = c.defaults.cpuLimit
        defaults["network"] = c.defaults.network.rawValue
        defaults["sandboxSize"] = c.defaults.sandboxSize
        defaults["tmpSize"] = c.defaults.tmpSize
        defaults["readonlyRootFs"] = c.defaults.readonlyRootFs
        root["defaults"] = defaults
        var network = OrderedJSON()
        network["whitelist"] = c.network.whitelist
        network["blacklist"] = c.network.blacklist
        root["network"] = network
        var cleanup = OrderedJSON()
        cleanup["autoPrune"] = c.cleanup.autoPrune
        cleanup["maxContainerAgeMs"] = c.cleanup.maxContainerAgeMs
        root["cleanup"] = cleanup
        root["poolStrategy"] = c.poolStrategy.rawValue
        var pool = OrderedJSON()
        pool["clean"] = c.poolSize.clean
        pool["dirty"] = c.poolSize.dirty
        root["poolSize"] = pool
        var security = OrderedJSON()
        security["seccomp"] = c.security.seccomp.rawValue
        security["customProfilePath"] = c.security.customProfilePath
        root["security"] = security
        let r = c.remoteCode
        var remote = OrderedJSON()
        remote["enabled"] = r.enabled
        remote["allowedSchemes"] = r.allowedSchemes
        remote["allowedHosts"] = r.allowedHosts
        remote["blockedHosts"] = r.blockedHosts
        remote["maxCodeSize"] = r.maxCodeSize
        remote["fetchTimeoutMs"] = r.fetchTimeoutMs
        remote["requireHash"] = r.requireHash
        remote["enableCache"] = r.enableCache
        remote["cacheTtl"] = r.cacheTtl
        root["remoteCode"] = remote
        let a = c.audit
        var audit = OrderedJSON()
        audit["enabled"] = a.enabled
        audit["destination"] = a.destination
        audit["logDir"] = a.logDir
        audit["postLogScript"] = a.postLogScript
        audit["trackResources"] = a.trackResources
        audit["retentionDays"] = a.retentionDays
        audit["includeCode"] = a.includeCode
        audit["includeOutput"] = a.includeOutput
        root["audit"] = audit
        var auth = OrderedJSON()
        auth["enabled"] = c.auth.enabled
        auth["connectionString"] = c.auth.connectionString
        auth["defaultTtlMs"] = c.auth.defaultTtlMs
        auth["cleanupIntervalMs"] = c.auth.cleanupIntervalMs
        root["auth"] = auth
        root["prebuiltImages"] = c.prebuiltImages.map { image -> OrderedJSON in
            var entry = OrderedJSON()
            entry["tag"] = image.tag
            entry["runtime"] = image.runtime
            entry["installPackages"] = image.installPackages
            entry["setupScript"] = image.setupScript
            return entry
        }
        root["debug"] = c.debug
        return root.render(pretty: pretty, indent: 0)
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
