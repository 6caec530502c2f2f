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
        set(KnobState.catalog("network"), to: .text(NetworkMode.filtered.rawValue))
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
        let option = KnobState.catalog("secrets")
        guard case .pairs(let added) = try KnobState.parse(option, assignment, command: "secret") else { return }
        set(option, to: .pairs(options.secrets.merging(added) { $1 }))
    }

    /// `:stdin TEXT` — data piped to the program; no text clears it.
    public mutating func setStdin(_ text: String?) {
        setFlag("stdin", value: KnobState.describeStdin(text)) { $0.stdin = text }
    }

    /// The rules as the proxy reads them: deny patterns first (any match blocks), then allow.
    public var currentFilter: NetworkFilter { options.networkFilter ?? NetworkFilter() }

    /// Moves rule `index` of the deny (`deny` true) or allow list by `offset` places; the
    /// order decides which rule a log row names.
    public mutating func moveRule(deny: Bool, at index: Int, by offset: Int) {
        var filter = currentFilter
        var rules = deny ? filter.blacklist : filter.whitelist
        let target = index + offset
        guard rules.indices.contains(index), rules.indices.contains(target) else { return }
        rules.swapAt(index, target)
        if deny { filter.blacklist = rules } else { filter.whitelist = rules }
        setFilter(filter, changing: deny ? "networkFilter.blacklist" : "networkFilter.whitelist")
    }

    private mutating func setFilter(_ filter: NetworkFilter, changing key: String) {
        set(KnobState.catalog(key), to: .list(key.hasSuffix("whitelist") ? filter.whitelist : filter.blacklist))
    }

    private static func checkPattern(_ pattern: String, command: String) throws {
        _ = try parse(catalog("networkFilter.whitelist"), pattern, command: command)
    }

    private static func parse(_ option: CatalogOption, _ text: String, command: String) throws -> OptionValue {
        do {
            return try option.parse([text], limits: nil)
        } catch let problem as OptionProblem {
            throw KnobError("\(command): \(problem)")
        }
    }

    static func catalog(_ key: String) -> CatalogOption {
        guard let option = OptionCatalog.option(key) else { preconditionFailure("\(key) is not in the option catalog") }
        return option
    }

    private static func removing(_ item: String?, from items: [String], list: String) throws -> [String] {
        guard let item else { return [] }
        guard items.contains(item) else {
            throw KnobError("un\(list): \"\(item)\" is not in the \(list) list (\(KnobState.list(items)))")
        }
        return items.filter { $0 != item }
    }
}
