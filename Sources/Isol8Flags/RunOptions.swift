import ArgumentParser
import Isol8Core

/// The flags of `isol8 run` that say what to run and how: `isol8 run` and `isol8-tui` take
/// exactly these (each adds its own few), so the two never drift apart.
public struct RunOptions: ParsableArguments {
    public init() {}

    @Argument(help: "A source file; its extension picks the runtime (.py .js .mjs .cjs .ts .mts .sh).")
    public var file: String?
    @Option(name: [.customShort("e"), .long], help: "Inline code to run (python unless --runtime says otherwise).")
    public var eval: String?
    @Option(help: "Shell command(s), run as bash -c; --runtime still picks the image (default bash).")
    public var cmd: String?
    @Option(help: "Fetch the code from this URL (needs remoteCode.enabled in the config).")
    public var url: String?
    @Option(help: "Fetch the code from GitHub: owner/repo/ref/path/to/file.")
    public var github: String?
    @Option(help: "Fetch the code from a gist: gistId/file.ext.")
    public var gist: String?
    @Option(help: "Expected SHA-256 of the fetched code.")
    public var hash: String?
    @Flag(name: .customLong("allow-insecure-code-url"), help: "Allow an http:// code URL.")
    public var allowInsecureCodeURL = false
    @Option(name: [.customShort("r"), .long], help: "Runtime: python, node, bun, deno or bash.")
    public var runtime: String?
    @OptionGroup public var engine: EngineFlags
    @Option(help: "Data piped to the program's stdin.")
    public var stdin: String?
    @Option(help: "Working directory inside /sandbox (relative or absolute).")
    public var workdir: String?
    @Option(help: "Package to install before running (repeatable; implies --net filtered unless --net is given).")
    public var install: [String] = []
    @Option(help: "Setup script (inline or a file path) run before the code (repeatable).")
    public var setup: [String] = []
    @Option(help: "Directory whose files are copied into /sandbox.")
    public var files: String?
    @Flag(name: .customLong("no-stream"), help: "Collect output and print it at the end instead of streaming.")
    public var noStream = false
    @Flag(name: .catalog("debug"), help: .catalog("debug"))
    public var debug = false

    public var flags: RunFlags {
        var flags = engine.flags
        flags.file = file
        flags.eval = eval
        flags.cmd = cmd
        flags.url = url
        flags.github = github
        flags.gist = gist
        flags.hash = hash
        flags.allowInsecureCodeURL = allowInsecureCodeURL
        flags.runtime = runtime
        flags.stdin = stdin
        flags.workdir = workdir
        flags.install = install
        flags.setup = setup
        flags.filesDir = files
        if debug { flags.options["debug"] = ["true"] }
        return flags
    }
}
