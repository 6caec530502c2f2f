import Foundation

/// The three renderings of `isol8 config`: isol8's summary (compat §8.6), resolved JSON in
/// isol8's key order (compat §5.2), and the provenance table.
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
          CPU limit:       \(JSNumber.text(c.defaults.cpuLimit))
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

    /// The top-level keys of isol8's resolved config, in its order; the keys under each come
    /// from the catalog in its order.
    private static let sections = ["maxConcurrent", "defaults", "network", "cleanup", "poolStrategy", "poolSize",
                                   "security", "remoteCode", "audit", "auth", "prebuiltImages", "debug"]

    /// Resolved config in isol8's key order; undefined values are left out.
    public static func json(_ c: Isol8Config, pretty: Bool = true) -> String {
        var root = OrderedJSON()
        for section in sections {
            var nested = OrderedJSON()
            for option in OptionCatalog.all {
                guard let key = option.configKey, let value = option.value(in: c) else { continue }
                if key == section {
                    root[section] = jsonValue(value)
                } else if key.hasPrefix(section + ".") {
                    nested[String(key.dropFirst(section.count + 1))] = jsonValue(value)
                }
            }
            if root[section] == nil { root[section] = nested }
        }
        return root.render(pretty: pretty)
    }

    /// An option's value as `config --json` writes it (secrets by key only).
    public static func jsonValue(_ value: OptionValue) -> Any? {
        switch value {
        case .toggle(let on): return on
        case .integer(let n): return n
        case .number(let x): return x
        case .size(let size): return size.text
        case .text(let text): return text
        case .unset: return nil
        case .list(let items): return items
        case .pairs(let pairs): return pairs.keys.sorted()
        case .pool(let size):
            var pool = OrderedJSON()
            pool["clean"] = size.clean
            pool["dirty"] = size.dirty
            return pool
        case .images(let images):
            return images.map { image -> OrderedJSON in
                var entry = OrderedJSON()
                entry["tag"] = image.tag
                entry["runtime"] = image.runtime
                entry["installPackages"] = image.installPackages
                entry["setupScript"] = image.setupScript
                return entry
            }
        case .targets(let targets): return targets.map(\.name)
        }
    }

}
