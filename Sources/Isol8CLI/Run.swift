import ArgumentParser
import Foundation
import Isol8Core
import Isol8Flags
import Logging

struct Run: Isol8Subcommand {
    static let commandName = "run"
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run code in an isolated container.")

    @OptionGroup var runOptions: RunOptions
    @Option(help: "Write stdout to this file (with --no-stream).")
    var out: String?
    @OptionGroup var server: ServerFlags
    @Flag(name: .customLong("raw-output"),
          help: "Write the program's output to a terminal unchanged, escape sequences included (by default they are shown as visible text there; pipes and files always get the bytes unchanged).")
    var rawOutput = false
    var flags: RunFlags { runOptions.flags }
    var host: String? { server.host }
    var key: String? { server.key }
    var sessionId: String? { server.sessionId }

    func execute() async throws {
        var flags = self.flags
        if sessionId != nil {
            guard host != nil else {
                throw CLIFailure("[ERR] --session-id requires --host (remote server). Session IDs are managed by the server.")
            }
            flags.options["mode"] = ["true"]
        }
        let prepared: RunPreparation
        do {
            let loaded = try ConfigLoader().load()
            for warning in loaded.warnings { Console.warn(warning) }
            Console.log.debug(.run, "Config loaded")
            prepared = try RunPreparation.prepare(flags: flags, config: loaded, log: Console.log) {
                String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            }
        } catch {
            throw CLIFailure("\(error)")
        }
        let (options, request) = (prepared.options, prepared.request)
        // From here the config file's `debug: true` counts too, as it does for the engine.
        let log = Console.log.debugging(options.debug)
        prepared.logResolution(to: log, engine: host.map { "Using remote engine: \($0)" } ?? "Using local Docker engine")

        // A run names its session (compat §8.1): --session-id, or cli-<ms> when --persistent. Only a
        // server keeps sessions by name; a local run prints the name all the same, as isol8 does.
        let session = sessionId ?? (options.mode == .persistent ? "cli-\(Int(Date().timeIntervalSince1970 * 1000))" : nil)
        let engine: any Isol8Engine
        do {
            if let host {
                log.debug(.run, "Remote execution on \(host)")
                if let sessionId { log.debug(.run, "Named session: \(sessionId) (will persist after exit)") }
                let apiKey = try RemoteKeyResolver().resolve(flag: key, host: host) { Console.warn($0) }
                engine = try RemoteEngine(host: host, apiKey: apiKey, sessionId: session, options: options, logger: log)
            } else {
                let docker = try DockerEngine(options: options.forOneRun, maxConcurrent: prepared.effective.maxConcurrent, logger: log)
                // A client killed outright (kill -9) could not remove its containers: the next one does.
                _ = try? await OrphanReaper(host: docker.host, logger: log).reap()
                engine = docker
            }
            try await prepared.check(on: engine)
            try await engine.start()
        } catch {
            throw CLIFailure("\(error)")
        }
        if let session { Console.info("[Run] Session ID: \(session)") }
        log.debug(.run, "Engine started")
        if let files = request.files { log.debug(.run, "Injected \(files.count) files from \(runOptions.files ?? "")") }

        let interrupt = InterruptHandler()
        let kept = KeptContainer()
        let code: Int32
        do {
            if runOptions.noStream {
                log.debug(.run, "Using non-streaming mode")
                code = try await runBuffered(engine, request, onContainer: kept.note)
            } else {
                log.debug(.run, "Using streaming mode")
                code = try await runStreaming(engine, request, cancel: interrupt.token, onContainer: kept.note)
            }
        } catch {
            await teardown(engine, log: log)
            throw CLIFailure("\(error)")
        }
        await teardown(engine, log: log)
        if options.persist && options.mode == .ephemeral, let id = kept.id { kept.announce(id) }
        throw ExitCode(interrupt.fired ? 0 : code)
    }

    /// A named remote session outlives the run; anything else is stopped.
    private func teardown(_ engine: any Isol8Engine, log: Logger) async {
        if sessionId != nil {
            log.debug(.run, "Named session — skipping engine.stop() to keep session alive")
            return
        }
        log.debug(.run, "Stopping engine")
        await engine.stop()
    }

    private func runStreaming(_ engine: any Isol8Engine, _ request: ExecutionRequest, cancel: CancelToken,
                              onContainer: @escaping @Sendable (String) -> Void) async throws -> Int32 {
        let display = TerminalOutput(raw: rawOutput)
        var code: Int32 = 0
        for try await event in engine.executeStream(request, cancel: cancel, onContainer: onContainer) {
            switch event.type {
            case .stdout: display.out(event.data)
            case .stderr: display.err(event.data)
            case .error:
                Console.err("[ERR] \(event.data)\n")
                code = 1
            case .exit:
                code = Int32(event.data) ?? 1
            default:
                break  // network entries and types from newer servers are not printed
            }
        }
        return code
    }

    private func runBuffered(_ engine: any Isol8Engine, _ request: ExecutionRequest,
                             onContainer: @escaping @Sendable (String) -> Void) async throws -> Int32 {
        let result = try await engine.execute(request, cancel: CancelToken(), onContainer: onContainer)
        let display = TerminalOutput(raw: rawOutput)
        if !result.stdout.isEmpty { display.out(result.stdout + "\n") }
        if !result.stderr.isEmpty { display.err(result.stderr + "\n") }
        if result.truncated { Console.warn("Output was truncated") }
        if let logs = result.networkLogs, !logs.isEmpty {
            Console.err("\n--- Network Logs ---\n")
            for entry in logs { display.err(entry.jsonLine + "\n") }
        }
        if let out, !result.stdout.isEmpty {
            do {
                try result.stdout.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw CLIFailure("Cannot write --out file \(out): \(error.localizedDescription)")
            }
            Console.info("[Run] Output written to \(out)")
        }
        return Int32(truncatingIfNeeded: result.exitCode)
    }
}

/// SIGINT/SIGTERM during a run cancel it; the command then stops the engine and exits 0.
/// SIGHUP too: a closed terminal must not leave the run's container behind.
final class InterruptHandler: @unchecked Sendable {
    let token = CancelToken()
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var didFire = false

    init() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.withLock { self.didFire = true }
                self.token.cancel()
            }
            source.resume()
            sources.append(source)
        }
    }

    var fired: Bool { lock.withLock { didFire } }
}
