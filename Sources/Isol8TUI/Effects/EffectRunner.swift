import Foundation
import Isol8Core
import Logging
import TerminalKit

/// Performs effects: runs on engines built for the current target from each run's knobs,
/// sandbox inspection, files, themes and the terminal-facing effects. Results come back as actions
/// through the ``Mailbox``. `perform` is called on the UI thread; engine work runs in tasks.
public final class EffectRunner: @unchecked Sendable {
    private let mailbox: Mailbox
    private let themes: ThemeCatalog
    private let capability: ColorCapability
    private weak var host: TerminalHost?
    private let factory: EngineFactory
    /// The engines' and the runner's lines, into the Debug pane (stdout is the screen).
    private let paneLog: Logger
    private let engines: EngineKeeper
    private let lock = NSLock()
    /// Where runs and inspections go; `:target` changes it.
    private var target: Target
    private var runs: [Int: ActiveRun] = [:]
    /// Stops the daemon event stream of the container the Container pane follows.
    private var watching: CancelToken?
    /// Stops following the current server target's log.
    private var followingServerLog: CancelToken?
    /// Stops the event stream that keeps the Sandboxes list current.
    private var watchingSandboxes: CancelToken?
    /// The current target's lister, kept because it remembers CPU counters between listings.
    private var sandboxLister: (target: Target, lister: any SandboxLister)?

    /// What the runner holds for a run in progress.
    private struct ActiveRun {
        var token: CancelToken
        var task: Task<Void, Never>
    }

    /// Creates a runner answering through `mailbox`, starting on `target`.
    public init(mailbox: Mailbox, themes: ThemeCatalog, capability: ColorCapability, host: TerminalHost?,
                target: Target, factory: EngineFactory = EngineFactory()) {
        self.mailbox = mailbox
        self.themes = themes
        self.capability = capability
        self.host = host
        self.target = target
        self.factory = factory
        // Each engine turns its `[DEBUG]` lines on or off from its own `debug` option.
        paneLog = Logger.lines("isol8.tui", debug: false) { _, line in mailbox.send(.debugLines([line])) }
        engines = EngineKeeper(factory: factory, logger: paneLog)
    }

    /// Performs one effect. `.quit` is the loop's business and ignored here.
    public func perform(_ effect: Effect) {
        switch effect {
        case .probeTarget(let target): probe(target)
        case .switchTarget(let target): switchTarget(to: target)
        case .followServerLog(let target): followServerLog(of: target)
        case .loadCode(let path): loadCode(path)
        case .startRun(let spec): start(spec)
        case .cancelRun(let id): cancel(id)
        case .inspectContainer(let id): inspect(id)
        case .watchContainer(let id): watch(id)
        case .resolveSandbox(let name): resolveSandbox(name)
        case .sandboxLifecycle(let action): perform(action)
        case .listSandboxes: listSandboxes()
        case .watchSandboxes(let on): watchSandboxes(on)
        case .releasePersistentEngine: Task { await engines.release() }
        case .openShell(let id): openShell(in: id)
        case .listFiles(let id):
            withInspector(for: id, "list the files") { inspector, mailbox in mailbox.send(.filesListed(sandbox: id, try await inspector.files(id))) }
        case .readFile(let id, let path):
            withInspector(for: id, "read \(path)") { inspector, mailbox in mailbox.send(.fileRead(sandbox: id, path: path, try await inspector.readFile(id, path: path))) }
        case .downloadFile(let id, let path, let hostPath):
            withInspector(for: id, "download \(path)") { inspector, mailbox in
                let expanded = (hostPath as NSString).expandingTildeInPath
                try await inspector.readFile(id, path: path).write(to: URL(fileURLWithPath: expanded))
                mailbox.send(.fileOperationDone("downloaded \(path) to \(expanded)", failure: nil))
            }
        case .uploadFile(let id, let hostPath, let path):
            withInspector(for: id, "upload \(hostPath)") { inspector, mailbox in
                let data = try HostFile.read((hostPath as NSString).expandingTildeInPath, limit: EffectRunner.uploadLimit)
                try await inspector.writeFile(id, path: path, data: data)
                mailbox.send(.fileOperationDone("uploaded \(hostPath) to \(path) (\(data.count) bytes)", failure: nil))
            }
        case .openEditor(let path): edit(path)
        case .editInline(let text, let fileExtension): editInline(text, fileExtension: fileExtension)
        case .saveOutput(let path, let text): save(text, to: path)
        case .copyRun(let spec, let format, let path): copy(spec, as: format, to: path)
        case .loadTheme(let name):
            let loaded = themes.load(name, capability: capability)
            mailbox.send(.themeLoaded(name: loaded.name, theme: loaded.theme, warning: loaded.warning))
        case .setMouse(let on): host?.setMouse(on)
        case .redraw: host?.invalidate()
        case .quit: break
        }
    }

    /// Cancels every run and removes the containers the TUI made (persisted ones stay),
    /// waiting at most `timeout` seconds.
    public func shutdown(timeout: TimeInterval = 5) {
        let active = lock.withLock { Array(runs.keys) }
        for id in active { cancel(id) }
        lock.withLock { watching }?.cancel()
        lock.withLock { followingServerLog }?.cancel()
        lock.withLock { watchingSandboxes }?.cancel()
        let tasks = lock.withLock { runs.values.map(\.task) }
        let done = DispatchSemaphore(value: 0)
        Task { [engines] in
            for task in tasks { await task.value }
            await engines.release()
            done.signal()
        }
        _ = done.wait(timeout: .now() + timeout)
    }

    // MARK: - Effects

    private var currentTarget: Target { lock.withLock { target } }

    /// Asks `target` how it is; on a Docker target that answers, also removes the containers
    /// of clients that died there without cleaning up.
    private func probe(_ target: Target) {
        let (mailbox, keys, log) = (mailbox, factory.keys, paneLog)
        Task {
            let health = await TargetHealth.probe(target, keys: keys)
            mailbox.send(.targetProbed(health))
            if health.isReachable, case .docker(let endpoint) = target.kind {
                _ = try? await OrphanReaper(host: DockerHost(endpoint: endpoint), logger: log).reap()
            }
        }
    }

    /// Later runs and inspections go to `target`; what the old one kept is released there.
    private func switchTarget(to target: Target) {
        let followedSandboxes = lock.withLock {
            self.target = target
            watching?.cancel()
            watching = nil
            return watchingSandboxes != nil
        }
        if followedSandboxes { watchSandboxes(true) }
        Task { [engines] in await engines.release() }
    }

    /// Lines of a server that are not this reader's missing are marked where they were lost;
    /// the stream ending or refused (an original isol8 server, a tenant key) is said once.
    private func followServerLog(of target: Target) {
        let token = CancelToken()
        let previous = lock.withLock { () -> CancelToken? in
            defer { followingServerLog = token }
            return followingServerLog
        }
        previous?.cancel()
        guard case .server = target.kind else { return }
        let (mailbox, factory, name) = (mailbox, factory, target.name)
        Task {
            let numbers = LineNumbers()
            do {
                guard let server = try factory.server(for: target) else { return }
                try await server.followServerLog(cancel: token) { line in
                    let missed = numbers.missedBefore(line.number)
                    let lines = (missed > 0 ? ["[isol8-tui] \(missed) line(s) of \(name)'s log were lost: this pane read too slowly"] : []) + [line.line]
                    mailbox.send(.serverLogLines(target: name, lines))
                }
                if !token.isCancelled { mailbox.send(.serverLogEnded(target: name, message: "\(name) ended its log stream")) }
            } catch {
                if !token.isCancelled { mailbox.send(.serverLogEnded(target: name, message: "\(error)")) }
            }
        }
    }

    private func loadCode(_ path: String) {
        Task {
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                mailbox.send(.codeLoaded(path: path, text: text))
            } catch {
                mailbox.send(.codeLoadFailed(path: path, message: "cannot read \(path): \(error.localizedDescription)"))
            }
        }
    }

    private func start(_ spec: RunSpec) {
        let token = CancelToken()
        lock.withLock {
            let task = Task { await self.execute(spec, token: token) }
            runs[spec.id] = ActiveRun(token: token, task: task)
        }
    }

    private func execute(_ spec: RunSpec, token: CancelToken) async {
        let mailbox = mailbox
        let onContainer: @Sendable (String) -> Void = { mailbox.send(.runContainer(id: spec.id, containerId: $0)) }
        do {
            let prepared = try RunPreparation.prepare(flags: spec.flags, effective: spec.effective,
                                                      log: paneLog.debugging(spec.effective.options.debug)) { "" }
            let request = prepared.request
            let target = currentTarget
            prepared.logResolution(to: paneLog.debugging(spec.effective.options.debug), engine: "Using target \(target.name): \(target.address)")
            let engine = try await engines.engine(for: prepared, on: target, attachedTo: spec.attached)
            try await prepared.check(on: engine)
            if spec.stream {
                try await engine.executeStream(request, cancel: token, onContainer: onContainer) { event in
                    mailbox.send(.runEvents(id: spec.id, [event]))
                }
                mailbox.send(.runFinished(id: spec.id, .streamed))
            } else {
                let result = try await engine.execute(request, cancel: token, onContainer: onContainer)
                mailbox.send(.runFinished(id: spec.id, .buffered(result)))
            }
        } catch {
            mailbox.send(.runFailed(id: spec.id, message: "\(error)"))
        }
        _ = lock.withLock { runs.removeValue(forKey: spec.id) }
    }

    private func cancel(_ id: Int) {
        lock.withLock { runs[id] }?.token.cancel()
    }

    private func watch(_ id: String) {
        let token = CancelToken()
        lock.withLock {
            watching?.cancel()
            watching = token
        }
        guard let inspector = factory.inspector(for: currentTarget) else { return }
        let mailbox = mailbox
        Task {
            try? await inspector.follow(id, cancel: token) { action in mailbox.send(.containerEvent(id: id, action: action)) }
        }
    }

    private func currentLister() -> (Target, (any SandboxLister)?) {
        lock.withLock {
            if let kept = sandboxLister, kept.target == target { return (target, kept.lister) }
            let lister = factory.lister(for: target)
            sandboxLister = lister.map { (target, $0) }
            return (target, lister)
        }
    }

    private func listSandboxes() {
        let (target, lister) = currentLister()
        guard let lister else {
            return mailbox.send(.sandboxesListFailed(target: target.name, message: "no API key for \(target.address): give --key, set ISOL8_API_KEY or run isol8 login"))
        }
        let mailbox = mailbox
        Task {
            do {
                mailbox.send(.sandboxesListed(target: target.name, try await lister.list()))
            } catch {
                mailbox.send(.sandboxesListFailed(target: target.name, message: "\(error)"))
            }
        }
    }

    private func perform(_ action: SandboxLifecycle) {
        let (target, lister) = currentLister()
        let mailbox = mailbox
        Task {
            var failures: [String] = []
            for id in action.ids {
                do {
                    switch action {
                    case .stop: try await lister?.stop(id)
                    case .remove, .removePersisted: try await lister?.remove(id)
                    }
                } catch {
                    failures.append("\(id.prefix(12)): \(error)")
                }
            }
            let failure = failures.isEmpty ? nil : "on \(target.name), " + failures.joined(separator: "; ")
            mailbox.send(.sandboxLifecycleDone(action, failure: failure))
        }
    }

    /// `--attach ID|NAME`: the sandbox whose id, id prefix or name it is.
    private func resolveSandbox(_ name: String) {
        let (target, lister) = currentLister()
        let mailbox = mailbox
        Task {
            do {
                let rows = try await lister?.list() ?? []
                if let found = rows.first(where: { $0.id == name || $0.name == name }) ?? rows.first(where: { $0.id.hasPrefix(name) }) {
                    mailbox.send(.sandboxResolved(found))
                } else {
                    mailbox.send(.sandboxNotFound("attach: no sandbox \"\(name)\" on target \(target.name); :sandboxes lists them"))
                }
            } catch {
                mailbox.send(.sandboxNotFound("attach: cannot list the sandboxes of \(target.name): \(error)"))
            }
        }
    }

    /// While the Sandboxes list is open, the target's events (not a timer) say when to list again.
    private func watchSandboxes(_ on: Bool) {
        let token = CancelToken()
        lock.withLock {
            watchingSandboxes?.cancel()
            watchingSandboxes = on ? token : nil
        }
        guard on, let lister = currentLister().1 else { return }
        let mailbox = mailbox
        Task {
            try? await lister.watch(cancel: token) { mailbox.send(.sandboxesChanged) }
        }
    }

    private func inspect(_ id: String) {
        let target = currentTarget
        guard let inspector = factory.inspector(for: target) else {
            return mailbox.send(.containerInspectFailed(id: id, message: "target \(target.name) is an isol8 server; it offers no container inspection"))
        }
        Task {
            do {
                mailbox.send(.containerInspected(try await inspector.snapshot(id)))
            } catch DockerError.api(404, _) {
                mailbox.send(.containerGone(id: id))
            } catch {
                mailbox.send(.containerInspectFailed(id: id, message: "\(error)"))
            }
        }
    }

    /// Uploads read at most this much of a host file into memory.
    static let uploadLimit = 64 << 20

    /// Runs `work` with the current target's inspector; a failure comes back as a status.
    private func withInspector(for id: String, _ what: String,
                               _ work: @escaping @Sendable (any SandboxInspector, Mailbox) async throws -> Void) {
        let mailbox = mailbox
        guard let inspector = factory.inspector(for: currentTarget) else {
            return mailbox.send(.fileOperationDone(what, failure: "cannot \(what): target \(currentTarget.name) offers no inspection"))
        }
        Task {
            do {
                try await work(inspector, mailbox)
            } catch {
                mailbox.send(.fileOperationDone(what, failure: "cannot \(what): \(error)"))
            }
        }
    }

    /// The terminal goes to the shell until it exits; the UI waits, as it does for the editor.
    private func openShell(in id: String) {
        guard let inspector = factory.inspector(for: currentTarget) else {
            return mailbox.send(.shellEnded(container: id, exitCode: nil, failure: "target \(currentTarget.name) offers no inspection"))
        }
        host?.suspend()
        let outcome = ShellOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                outcome.exitCode = try await inspector.shell(id, on: .standard)
            } catch {
                outcome.failure = "\(error)"
            }
            done.signal()
        }
        done.wait()
        host?.resume()
        mailbox.send(.shellEnded(container: id, exitCode: outcome.exitCode, failure: outcome.failure))
    }

    /// Runs `$VISUAL`/`$EDITOR` (else vi) on the file with the terminal handed over, then
    /// reloads the file.
    private func edit(_ path: String) {
        runEditor(on: path)
        loadCode(path)
    }

    /// Inline code has no file: it is edited in a scratch file that goes away afterwards.
    private func editInline(_ text: String, fileExtension: String) {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("isol8-tui-\(UUID().uuidString.prefix(8))\(fileExtension)").path
        do {
            try (text + "\n").write(toFile: scratch, atomically: true, encoding: .utf8)
        } catch {
            return mailbox.send(.effectFailed("cannot write \(scratch) for the editor: \(error.localizedDescription)"))
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        runEditor(on: scratch)
        guard var edited = try? String(contentsOfFile: scratch, encoding: .utf8) else {
            return mailbox.send(.effectFailed("the editor left no readable file at \(scratch); the code is unchanged"))
        }
        if edited.hasSuffix("\n") { edited.removeLast() }
        mailbox.send(.inlineCodeEdited(edited))
    }

    private func runEditor(on path: String) {
        let environment = ProcessInfo.processInfo.environment
        let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        host?.suspend()
        do {
            _ = try ForegroundProcess.run(["/bin/sh", "-c", "\(editor) \"$1\"", "sh", path])
        } catch {
            mailbox.send(.effectFailed("cannot start the editor \(editor): \(error)"))
        }
        host?.resume()
    }

    /// Prepares the run as `r` would (so the copy holds the code as it will run), writes it out
    /// as `format`, and puts it in the file or, through OSC 52, in the terminal's clipboard.
    private func copy(_ spec: RunSpec, as format: RunExport.Format, to path: String?) {
        do {
            let prepared = try RunPreparation.prepare(flags: spec.flags, effective: spec.effective, log: paneLog, readStdin: { "" })
            let text = try RunExport.text(format, spec: spec, request: prepared.request, target: currentTarget)
            if let path {
                let expanded = (path as NSString).expandingTildeInPath
                try (text + "\n").write(toFile: expanded, atomically: true, encoding: .utf8)
                mailbox.send(.copied(format: format, destination: expanded))
            } else {
                // OSC 52 "set clipboard"; tmux passes it on (set-clipboard) and keeps a buffer.
                let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
                FileHandle.standardOutput.write(Data(sequence.utf8))
                mailbox.send(.copied(format: format, destination: "the clipboard"))
            }
        } catch {
            mailbox.send(.effectFailed("copy \(format.rawValue): \(error)"))
        }
    }

    private func save(_ text: String, to path: String) {
        let expanded = (path as NSString).expandingTildeInPath
        Task {
            do {
                try (text + (text.isEmpty ? "" : "\n")).write(toFile: expanded, atomically: true, encoding: .utf8)
                mailbox.send(.outputSaved(path: expanded))
            } catch {
                mailbox.send(.effectFailed("cannot save to \(expanded): \(error.localizedDescription)"))
            }
        }
    }
}

/// The last line number seen of a server's log, to tell how many lines a gap lost.
private final class LineNumbers: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0

    func missedBefore(_ number: Int) -> Int {
        lock.withLock {
            defer { last = number }
            return last > 0 && number > last + 1 ? number - last - 1 : 0
        }
    }
}

/// How a shell ended, handed from its task to the waiting UI thread.
private final class ShellOutcome: @unchecked Sendable {
    var exitCode: Int?
    var failure: String?
}
