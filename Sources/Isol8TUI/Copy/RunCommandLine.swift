import Isol8Core

/// The knobs of a run as the `isol8 run` command line that reproduces it: the code source,
/// then every catalog option whose value differs from its default, written with the catalog's
/// own flag (so no second table of flags exists), then the request-level flags.
enum RunCommandLine {
    /// The arguments after `isol8 run`, unquoted, and the options that no flag can express.
    static func arguments(_ spec: RunSpec) -> (arguments: [String], unexpressed: [String]) {
        let flags = spec.flags
        var out: [String] = []
        if let cmd = flags.cmd { out += ["--cmd", cmd] }
        if let eval = flags.eval { out += ["-e", eval] }
        if let url = flags.url { out += ["--url", url] }
        if let runtime = flags.runtime { out += ["--runtime", runtime] }
        var unexpressed: [String] = []
        for option in OptionCatalog.all where option.isEngineOption {
            let value = option.value(in: spec.options)
            guard value != option.defaultValue else { continue }
            guard let flag = option.flag else {
                unexpressed.append("\(option.key)=\(option.display(value))")
                continue
            }
            out += words(flag, value)
        }
        if let stdin = flags.stdin { out += ["--stdin", stdin] }
        if let workdir = flags.workdir { out += ["--workdir", workdir] }
        if let files = flags.filesDir { out += ["--files", files] }
        for package in flags.install { out += ["--install", package] }
        for script in flags.setup { out += ["--setup", script] }
        if !spec.stream { out.append("--no-stream") }
        if let file = flags.file { out.append(file) }
        return (out, unexpressed)
    }

    /// `isol8 run --memory 64m -e 'print(1)'`; secrets as `"KEY=$KEY"` so their values never
    /// leave the TUI; a trailing comment names what only the config file can set.
    static func text(_ spec: RunSpec) -> String {
        let (arguments, unexpressed) = arguments(spec)
        var line = (["isol8", "run"] + arguments.map(quoted)).joined(separator: " ")
        if !unexpressed.isEmpty { line += "  # config only: " + unexpressed.joined(separator: ", ") }
        return line
    }

    private static func words(_ flag: String, _ value: OptionValue) -> [String] {
        switch value {
        case .toggle(let on): return on ? [flag] : []
        case .list(let items): return items.flatMap { [flag, $0] }
        case .pairs(let pairs): return pairs.keys.sorted().flatMap { [flag, secretPlaceholder($0)] }
        case .unset: return []
        default: return [flag, value.display]
        }
    }

    private static func secretPlaceholder(_ key: String) -> String { "\(key)=$\(key)" }

    private static func quoted(_ word: String) -> String {
        // A secret's placeholder is expanded by the shell from the environment.
        if word.hasSuffix("=$" + word.prefix { $0 != "=" }) { return "\"\(word)\"" }
        return ShellWord.quote(word)
    }
}
