import ArgumentParser
import Foundation
import Isol8Core
import Isol8Flags
import Isol8TUI
import TerminalCurses
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// `isol8-tui [file] [the flags of isol8 run]`: opens the debugger with those knobs.
struct Isol8TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isol8-tui",
        abstract: "The terminal debugger for isol8: run code in the sandbox, watch it, change a knob, run again.",
        discussion: "Takes the flags of `isol8 run`. Inside: r runs, x cancels, : sets knobs (:set memory 32m), ? lists every key.")

    @OptionGroup var runOptions: RunOptions

    @Option(help: "Theme: a name from themes/ (default, light, high-contrast, solarized-dark, mono) or a JSON file.")
    var theme: String?
    @Flag(name: .customLong("no-mouse"), help: "Start with the mouse left to the terminal (m toggles capture).")
    var noMouse = false
    @Flag(name: .customLong("print-keys"), help: "Print the key table (Markdown, with tui.keys overrides) and exit.")
    var printKeys = false
    @Option(help: "Start on this target: local, a name from the config's \"targets\" or a docker context (:targets lists them).")
    var target: String?
    @OptionGroup var server: ServerFlags
    @Option(help: "Start attached to this sandbox (container id, id prefix or name; a session id on --host): r runs the code in it, :exec runs a command there. S lists them.")
    var attach: String?

    var flags: RunFlags { runOptions.flags }

    func run() throws {
        let loaded: ConfigLoader.Loaded
        do {
            loaded = try ConfigLoader().load()
        } catch {
            throw ValidationError("\(error)")
        }
        let (keymap, keyWarnings) = Keymap.standard.applying(overrides: loaded.config.tui)
        if printKeys {
            print(keymap.markdown(), terminator: "")
            return
        }
        guard isatty(STDOUT_FILENO) != 0 && isatty(STDIN_FILENO) != 0 else {
            FileHandle.standardError.write(Data("isol8-tui needs a terminal; use `isol8 run` for plain output.\n".utf8))
            throw ExitCode(2)
        }
        var flags = self.flags
        let hasCode = [flags.file, flags.eval, flags.cmd, flags.url, flags.github, flags.gist].contains { $0 != nil }
        // Attached, there is something to do without code (:exec, the Container pane): start with none.
        if attach != nil && !hasCode { flags.eval = "" }
        guard [flags.file, flags.eval, flags.cmd, flags.url, flags.github, flags.gist].contains(where: { $0 != nil }) else {
            throw ValidationError("give the code to debug: a file, -e CODE, --cmd COMMAND, --url, --github or --gist")
        }
        if let file = flags.file, !FileManager.default.fileExists(atPath: file) {
            throw ValidationError("File not found: \(file)")
        }
        let effective: EffectiveConfig
        do {
            effective = try EffectiveConfig.resolve(loaded, flags: flags)
        } catch {
            throw ValidationError("\(error)")
        }
        let targets: TargetState
        do {
            targets = try startingTargets(loaded.config)
        } catch {
            throw ValidationError("\(error)")
        }
        let knobs = KnobState(effective: effective, flags: flags, stream: !runOptions.noStream)
        let tui = loaded.config.tui
        let mouse = !noMouse && tui["mouse"] != "false"

        // A closed terminal (SIGHUP) or a kill (SIGTERM) ends the TUI the way q does, so its
        // runs are cancelled and its containers removed; curses leaves ignored signals alone.
        let outputBuffer = OutputBuffer(maxLines: tui["outputMaxLines"].flatMap(Int.init) ?? 100_000,
                                        maxBytes: tui["outputMaxBytes"].flatMap(Int.init) ?? 32 << 20)
        let mailbox = Mailbox(outputLimit: outputBuffer.maxBytes)
        let hangUps = [SIGHUP, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { mailbox.send(.terminate) }
            source.resume()
            return source
        }
        defer { hangUps.forEach { $0.cancel() } }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(options: CursesOptions(mouse: mouse))
        } catch {
            FileHandle.standardError.write(Data("isol8-tui: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let catalog = ThemeCatalog.standard(executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
        let chosen = catalog.load(theme ?? tui["theme"] ?? "default", capability: terminal.colorCapability)
        var state = AppState(knobs: knobs, code: CodeState(flags: flags, runtime: knobs.runtime), size: terminal.size,
                             keymap: keymap, theme: chosen.theme, themeName: chosen.name, themeNames: catalog.names,
                             mouseEnabled: mouse,
                             outputBuffer: outputBuffer,
                             targets: targets)
        state.attachOnStart = attach
        state.sessionOnStart = server.sessionId
        let warnings = [chosen.warning].compactMap { $0 } + keyWarnings + loaded.warnings
        if !warnings.isEmpty { state.status.say(warnings.joined(separator: " · "), error: true) }

        let device = CursesDevice(terminal)
        let runner = EffectRunner(mailbox: mailbox, themes: catalog, capability: terminal.colorCapability, host: device,
                                  target: targets.current)
        let loop = AppLoop(state: state, device: device, runner: runner, mailbox: mailbox, trace: LoopTrace())
        loop.run()
        terminal.shutdown()
        for line in QuitSummary.lines(loop.state) { print(line) }
    }

    /// Every target there is, and the one to start on: `--host` (as `isol8 run` takes it),
    /// else `--target`, else the local daemon.
    private func startingTargets(_ config: Isol8Config) throws -> TargetState {
        var catalog = try TargetCatalog.discover(config: config)
        if let host = server.host {
            let remote = Target(name: host, kind: .server(url: host, key: server.key, session: server.sessionId), origin: .commandLine)
            catalog.prefer(remote)
            return TargetState(current: remote, known: catalog.targets)
        }
        guard server.sessionId == nil else { throw ValidationError("--session-id requires --host (a session lives on an isol8 server)") }
        let current = try target.map(catalog.require) ?? catalog.targets[0]
        return TargetState(current: current, known: catalog.targets)
    }
}
