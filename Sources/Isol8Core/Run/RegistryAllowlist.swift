import Foundation

/// Package-registry hosts that `--install` adds to a filtered allowlist (compat §3.8).
public enum RegistryAllowlist {
    public static func patterns(for runtime: Runtime) -> [String] {
        switch runtime {
        case .python: return [#"^pypi\.org$"#, #"^files\.pythonhosted\.org$"#]
        case .node, .bun, .agent: return [#"^registry\.npmjs\.org$"#]
        case .bash: return [#"^deb\.debian\.org$"#]
        case .deno: return []
        }
    }

    /// Appends the runtime's registries (de-duplicated) when packages will be installed
    /// through the filtered proxy; returns the patterns it added.
    @discardableResult
    public static func merge(into effective: inout EffectiveConfig, runtime: Runtime, installing: Bool) -> [String] {
        guard installing, effective.options.network == .filtered else { return [] }
        let current = effective.options.networkFilter?.whitelist ?? []
        let indexHosts = effective.options.packageIndex.hosts.map { "^" + NSRegularExpression.escapedPattern(for: $0) + "$" }
        let added = (patterns(for: runtime) + indexHosts).filter { !current.contains($0) }
        guard !added.isEmpty else { return [] }
        let merged = current + added
        effective.override("networkFilter.whitelist", value: merged.joined(separator: ", "), source: .flag("--install")) { options in
            var filter = options.networkFilter ?? NetworkFilter()
            filter.whitelist = merged
            options.networkFilter = filter
        }
        return added
    }
}
