/// A command typed at the `:` prompt, parsed but not yet applied.
public enum PromptCommand: Equatable, Sendable {
    case set(knob: String, value: String)
    case allow(String), deny(String)
    case unallow(String?), undeny(String?)
    case install(String), uninstall(String?)
    case secret(String)
    case stdin(String?)
    case run, cancel, quit, help, clear
    case save(String)
    case theme(String?)
    case mouse(Bool?)
    /// Switch to a target by name; none opens the Targets list.
    case target(String?)
    /// Find the knob that flips a marked passing run into a marked failing one.
    case bisect
    /// The verdict the current rules give a host, without running.
    case testHost(String)
    /// The run the knobs describe, as a command line, a curl request or Swift; to a file or the clipboard.
    case copy(RunExport.Format, path: String?)
    case sandboxes
    /// Files of the followed sandbox: browse, or copy one out or in.
    case files
    /// The debugging guide's steps as a checklist.
    case workflow
    /// Where the code comes from: a file, inline code (`-e`) or a shell command (`--cmd`).
    case code(CodeSource)

    public enum CodeSource: Equatable, Sendable {
        case file(String)
        case inline(String?)
        case cmd(String?)
    }
    case download(path: String, to: String)
    case upload(from: String, path: String)
    case exec(String)

    /// Command words, their arguments and what they do (completion and the help overlay).
    public static let catalog: [(name: String, usage: String, description: String)] = [
        ("set", "set KNOB VALUE", "change a knob: " + KnobCatalog.all.map(\.name).joined(separator: ", ")),
        ("allow", "allow REGEX", "allow hosts matching an extended regex (filtered network)"),
        ("deny", "deny REGEX", "block hosts matching an extended regex (filtered network)"),
        ("unallow", "unallow [REGEX]", "remove one allow pattern, or all"),
        ("undeny", "undeny [REGEX]", "remove one deny pattern, or all"),
        ("test-host", "test-host NAME", "the verdict the allow/deny rules give a host, and which rule decides it"),
        ("install", "install PKG", "install a package before the code runs"),
        ("uninstall", "uninstall [PKG]", "remove one package, or all"),
        ("secret", "secret KEY=VALUE", "a secret env var, masked in output (value never shown)"),
        ("stdin", "stdin [TEXT]", "data piped to the program; none clears it"),
        ("run", "run", "run the code with the current knobs"),
        ("cancel", "cancel", "cancel the active run"),
        ("save", "save PATH", "save the output pane to a file"),
        ("copy", "copy cli|curl|swift [PATH]", "the code and knobs as an isol8 run command, a curl request or Swift; to the clipboard (OSC 52) or PATH"),
        ("theme", "theme [NAME|PATH]", "switch theme (no name: the next one)"),
        ("mouse", "mouse [on|off]", "capture the mouse, or leave it to the terminal for copying"),
        ("target", "target [NAME]", "send runs to another target (no name: list the targets)"),
        ("targets", "targets", "list the targets with reachability and round-trip time"),
        ("bisect", "bisect", "re-run with halves of the knobs two marked runs (one passing, one failing) differ in, to find the one that flips it"),
        ("sandboxes", "sandboxes", "list the target's sandboxes: containers, or sessions on a server"),
        ("code", "code file PATH|inline [CODE]|cmd [COMMAND]", "switch where the code comes from (without text, the current code moves over)"),
        ("workflow", "workflow", "the debugging guide's steps, ticked by what this session has done"),
        ("files", "files", "browse the /sandbox tree of the container in the Container pane; Enter views a file"),
        ("download", "download PATH HOSTPATH", "copy a file of the container to the host"),
        ("upload", "upload HOSTPATH PATH", "copy a host file into the container's /sandbox"),
        ("exec", "exec CMD", "run a shell command in the attached sandbox; its output goes to the Output pane and History"),
        ("clear", "clear", "clear the output pane"),
        ("help", "help", "show the keys and commands"),
        ("quit", "quit", "leave (asks first while a run is active)"),
    ]

    /// Parses a prompt line (without the leading `:`).
    public static func parse(_ line: String) throws -> PromptCommand {
        let trimmed = line.drop { $0 == " " }
        let word = String(trimmed.prefix { $0 != " " })
        // The rest keeps inner spaces: `:stdin a b` pipes "a b".
        let rest = String(trimmed.dropFirst(word.count).drop { $0 == " " })
        let argument = rest.isEmpty ? nil : rest
        switch word.lowercased() {
        case "set":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            guard let name = parts.first else { throw KnobError("set: which knob? " + KnobCatalog.all.map(\.name).joined(separator: ", ")) }
            guard let knob = KnobCatalog.named(name) else {
                throw KnobError("set: unknown knob \"\(name)\"; knobs: " + KnobCatalog.all.map(\.name).joined(separator: ", "))
            }
            guard parts.count == 2 else { throw KnobError("set \(knob.name): give a value (\(knob.valueHint))") }
            return .set(knob: knob.name, value: parts[1].trimmingTrailingSpaces())
        case "allow": return .allow(rest)
        case "deny": return .deny(rest)
        case "unallow": return .unallow(argument)
        case "undeny": return .undeny(argument)
        case "test-host":
            guard let argument else { throw KnobError("test-host: give a host name, e.g. :test-host api.example.test") }
            return .testHost(argument)
        case "install":
            guard let argument else { throw KnobError("install: give a package, e.g. :install requests") }
            return .install(argument)
        case "uninstall": return .uninstall(argument)
        case "secret": return .secret(rest)
        case "stdin": return .stdin(argument)
        case "target", "ctx": return .target(argument)
        case "targets": return .target(nil)
        case "bisect": return .bisect
        case "sandboxes": return .sandboxes
        case "files": return .files
        case "workflow": return .workflow
        case "code":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            let text = parts.count == 2 ? parts[1] : nil
            switch parts.first {
            case "file":
                guard let text else { throw KnobError("code file: give a path, e.g. :code file examples/hello.py") }
                return .code(.file(text))
            case "inline", "e": return .code(.inline(text))
            case "cmd": return .code(.cmd(text))
            default: throw KnobError("code: say where the code comes from: file PATH, inline [CODE] or cmd [COMMAND]")
            }
        case "download", "upload":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw KnobError(word == "download" ? "download: give the sandbox file and a host path, e.g. :download /sandbox/out.csv out.csv"
                                                   : "upload: give a host file and a sandbox path, e.g. :upload data.csv /sandbox/data.csv")
            }
            return word == "download" ? .download(path: parts[0], to: parts[1]) : .upload(from: parts[0], path: parts[1])
        case "exec":
            guard let argument else { throw KnobError("exec: give a command, e.g. :exec ls -la /sandbox") }
            return .exec(argument)
        case "run", "r": return .run
        case "cancel": return .cancel
        case "quit", "q": return .quit
        case "help": return .help
        case "clear": return .clear
        case "save", "w":
            guard let argument else { throw KnobError("save: give a file, e.g. :save output.txt") }
            return .save(argument)
        case "copy":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            guard let name = parts.first, let format = RunExport.Format(rawValue: name.lowercased()) else {
                throw KnobError("copy: say how: cli, curl or swift (then a file, or nothing for the clipboard)")
            }
            return .copy(format, path: parts.count == 2 ? parts[1].trimmingTrailingSpaces() : nil)
        case "theme": return .theme(argument)
        case "mouse":
            guard let argument else { return .mouse(nil) }
            switch argument.lowercased() {
            case "on": return .mouse(true)
            case "off": return .mouse(false)
            default: throw KnobError("mouse: use on or off")
            }
        case "":
            throw KnobError("type a command: " + catalog.map(\.name).joined(separator: ", "))
        default:
            throw KnobError("unknown command \"\(word)\"; commands: " + catalog.map(\.name).joined(separator: ", "))
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
