import Isol8Core
import TerminalKit

/// The `:` command prompt and the `/` search prompt.
extension AppState {
    mutating func openPrompt(_ mode: PromptState.Mode, text: String) {
        let history = mode == .command ? commandHistory : []
        focus.overlays.append(.prompt(PromptState(mode: mode, input: TextInput(text: text, history: history))))
    }

    mutating func handlePromptKey(_ key: KeyEvent, _ original: PromptState) -> [Effect] {
        var prompt = original
        if key == .ctrl("c") {
            focus.overlays.removeLast()
            return []
        }
        if key == .tab {
            if prompt.mode == .command {
                let completion = Completion.complete(prompt.input.text, knobs: knobs, themes: themeNames)
                prompt.input.text = completion.text
                prompt.candidates = completion.candidates
                prompt.error = nil
            }
            replaceTopOverlay(.prompt(prompt))
            return []
        }
        switch prompt.input.handle(key) {
        case .submitted(let text):
            focus.overlays.removeLast()
            switch prompt.mode {
            case .command:
                // A secret's value must not come back with ↑.
                commandHistory = prompt.input.history.filter { !$0.lowercased().hasPrefix("secret") }
                return submitCommand(text)
            case .search:
                startSearch(text)
                return []
            }
        case .cancelled:
            focus.overlays.removeLast()
        case .handled:
            prompt.error = nil
            prompt.candidates = []
            replaceTopOverlay(.prompt(prompt))
        case .ignored:
            break
        }
        return []
    }

    /// Runs a `:` command; a refused one reopens the prompt with the text and the reason.
    mutating func submitCommand(_ text: String) -> [Effect] {
        do {
            return try execute(PromptCommand.parse(text))
        } catch {
            var prompt = PromptState(mode: .command, input: TextInput(text: text, history: commandHistory))
            prompt.error = "\(error)"
            focus.overlays.append(.prompt(prompt))
            return []
        }
    }

    /// Applies a parsed command.
    mutating func execute(_ command: PromptCommand) throws -> [Effect] {
        switch command {
        case .set(let name, let value):
            guard let knob = KnobCatalog.named(name) else { throw KnobError("set: unknown knob \"\(name)\"") }
            let wasPersistent = knobs.options.mode == .persistent
            try knob.set(value, on: &knobs)
            let shown = knobs.effective.entry(knob.key)?.value ?? value
            if let reason = OptionCatalog.option(knob.key).flatMap(targets.current.ignores) {
                status.say("\(knob.name) = \(shown), but not on this target: \(reason)", error: true)
            } else {
                status.say("\(knob.name) = \(shown) (applies to the next run)")
            }
            if wasPersistent && knobs.options.mode != .persistent { return [.releasePersistentEngine] }
        case .allow(let pattern):
            try knobs.allow(pattern)
            status.say("allow \(pattern)" + filterHint)
        case .deny(let pattern):
            try knobs.deny(pattern)
            status.say("deny \(pattern)" + filterHint)
        case .unallow(let pattern):
            try knobs.unallow(pattern)
            status.say(pattern.map { "no longer allowed: \($0)" } ?? "allow list cleared")
        case .undeny(let pattern):
            try knobs.undeny(pattern)
            status.say(pattern.map { "no longer denied: \($0)" } ?? "deny list cleared")
        case .install(let package):
            let note = try knobs.install(package)
            status.say("install \(package)" + (note.map { "; \($0)" } ?? ""))
        case .uninstall(let package):
            try knobs.uninstall(package)
            status.say(package.map { "will not install \($0)" } ?? "no packages to install")
        case .secret(let assignment):
            try knobs.setSecret(assignment)
            let key = assignment.prefix { $0 != "=" }
            status.say("secret \(key) set (value hidden, masked as *** in output)")
        case .stdin(let text):
            knobs.setStdin(text)
            status.say(text == nil ? "stdin cleared" : "stdin set (\(text!.utf8.count) bytes)")
        case .run: return startRun()
        case .cancel: return cancelRun()
        case .quit: return perform(.quit)
        case .help: return perform(.help)
        case .clear: output.clear()
        case .save(let path): return [.saveOutput(path: path, text: output.buffer.text)]
        case .theme(let name): return name.map { [.loadTheme($0)] } ?? perform(.cycleTheme)
        case .mouse(let on): return setMouse(on ?? !mouseEnabled)
        case .target(let name): return try switchTarget(name)
        case .bisect: return try startBisection()
        case .testHost(let host): status.say(knobs.hostVerdict(host))
        case .copy(let format, let path): return [.copyRun(knobs.runSpec(id: nextRunID), format: format, path: path)]
        case .sandboxes: return openSandboxes()
        case .files: return [.listFiles(try followedSandbox("files"))]
        case .workflow: focus.overlays.append(.workflow)
        case .code(let source): return switchCode(to: source)
        case .download(let path, let hostPath): return [.downloadFile(sandbox: try followedSandbox("download"), path: path, to: hostPath)]
        case .upload(let hostPath, let path): return [.uploadFile(sandbox: try followedSandbox("upload"), from: hostPath, path: path)]
        case .exec(let command): return try execInAttached(command)
        }
        return []
    }

    /// Allow and deny lists only act in filtered mode; say so when they would be ignored.
    private var filterHint: String {
        knobs.options.network == .filtered ? "" : " (takes effect with :set net filtered)"
    }
}
