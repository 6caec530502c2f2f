import Isol8Core

/// The knobs set by their own prompt commands rather than `:set`: network rules, packages,
/// secrets and stdin.
extension KnobState {
    /// `:allow REGEX` — adds a host pattern to the allow list after checking it compiles as
    /// the filter will compile it (POSIX ERE).
    public mutating func allow(_ pattern: String) throws {
        try KnobState.checkPattern(pattern, command: "allow")
        var filter = currentFilter
        if !filter.whitelist.contains(pattern) { filter.whitelist.append(pattern) }
        setFilter(filter, changing: "networkFilter.whitelist")
    }

    /// `:deny REGEX` — adds a host pattern to the deny list after checking it compiles.
    public mutating func deny(_ pattern: String) throws {
        try KnobState.checkPattern(pattern, command: "deny")
        var filter = currentFilter
        if !filter.blacklist.contains(pattern) { filter.blacklist.append(pattern) }
        setFilter(filter, changing: "networkFilter.blacklist")
    }

    /// `:unallow [REGEX]` — removes one allow pattern, or all of them.
    public mutating func unallow(_ pattern: String?) throws {
        var filter = currentFilter
        filter.whitelist = try KnobState.removing(pattern, from: filter.whitelist, list: "allow")
        setFilter(filter, changing: "networkFilter.whitelist")
    }

    /// `:undeny [REGEX]` — removes one deny pattern, or all of them.
    public mutating func undeny(_ pattern: String?) throws {
        var filter = currentFilter
        filter.blacklist = try KnobState.removing(pattern, from: filter.blacklist, list: "deny")
        setFilter(filter, changing: "networkFilter.blacklist")
    }

    /// `:install PKG` — adds a package. Like `isol8 run --install`, a network left at its
    /// default becomes `filtered`, since nothing installs without one; returns a note saying so.
    public mutating func install(_ package: String) throws -> String? {
        do {
            try PackageName.validate(package)
        } catch {
            throw KnobError("install: \(error)")
        }
        var packages = flags.install
        if !packages.contains(package) { packages.append(package) }
        setFlag("installPackages", value: KnobState.list(packages)) { $0.install = packages }
        let networkSource = effective.entry("network")?.source
        guard options.network == .none, networkSource == .builtIn else { return nil }
        setOption("network", value: NetworkMode.filtered.rawValue) { $0.network = .filtered }
        return "network set to filtered so packages can download"
    }

    /// `:uninstall [PKG]` — removes one package, or all of them.
    public mutating func uninstall(_ package: String?) throws {
        let packages = try KnobState.removing(package, from: flags.install, list: "install")
        setFlag("installPackages", value: KnobState.list(packages)) { $0.install = packages }
    }

    /// `:secret KEY=VALUE` — an environment variable whose value is masked in output and
    /// never shown by the TUI.
    public mutating func setSecret(_ assignment: String) throws {
        guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
            throw KnobError("secret: use KEY=VALUE, e.g. :secret TOKEN=abc")
        }
        let key = String(assignment[..<eq]), value = String(assignment[assignment.index(after: eq)...])
        guard key.first.map({ $0 == "_" || $0.isLetter }) == true,
              key.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
            throw KnobError("secret: \"\(key)\" is not an environment variable name; use letters, digits and _")
        }
        guard !value.isEmpty else { throw KnobError("secret: \(key) needs a value after =") }
        var secrets = options.secrets
        secrets[key] = value
        setOption("secrets", value: secrets.keys.sorted().joined(separator: ", ") + " (values hidden)") { $0.secrets = secrets }
    }

    /// `:stdin TEXT` — data piped to the program; no text clears it.
    public mutating func setStdin(_ text: String?) {
        setFlag("stdin", value: KnobState.describeStdin(text)) { $0.stdin = text }
    }

    private var currentFilter: NetworkFilter { options.networkFilter ?? NetworkFilter() }

    private mutating func setFilter(_ filter: NetworkFilter, changing key: String) {
        let list = key.hasSuffix("whitelist") ? filter.whitelist : filter.blacklist
        setOption(key, value: KnobState.list(list)) {
            $0.networkFilter = filter.whitelist.isEmpty && filter.blacklist.isEmpty ? nil : filter
        }
    }

    private static func checkPattern(_ pattern: String, command: String) throws {
        guard !pattern.isEmpty else { throw KnobError("\(command): give a host pattern, e.g. :\(command) ^api\\.example\\.com$") }
        do {
            try FilteredNetwork.validate(NetworkFilter(whitelist: [pattern]))
        } catch {
            throw KnobError("\(command): \(error) — patterns are POSIX extended regexes, e.g. ^api\\.example\\.com$")
        }
    }

    private static func removing(_ item: String?, from items: [String], list: String) throws -> [String] {
        guard let item else { return [] }
        guard items.contains(item) else {
            throw KnobError("un\(list): \"\(item)\" is not in the \(list) list (\(KnobState.list(items)))")
        }
        return items.filter { $0 != item }
    }
}
