import Crypto
import Foundation
import Logging
import UTF8Stream

/// The local engine: runs requests in containers on a Docker daemon, ephemeral
/// (a fresh container per run) or persistent (one container for the engine's life).
public actor DockerEngine: Isol8Engine {
    public nonisolated let options: Isol8Options
    public nonisolated let client: DockerClient
    /// The daemon this engine runs on, for what a front end administers there (orphans).
    public nonisolated var host: DockerHost { DockerHost(client: client) }
    private let semaphore: AsyncSemaphore
    private var persistent: SandboxContainer?
    /// The persistent container was made by someone else (`adopt`): `stop()` leaves it be.
    private var adopted = false
    private var oomBaseline: [String: Int] = [:]
    private let pool: ContainerPool
    private let images: ImageResolver
    /// Bounds every file read done for a client (`getFile`, `outputPaths`).
    public nonisolated let fileReadLimits: FileReadLimits
    private let logger: Logger

    /// `logger` gets the engine's lines; `options.debug` turns its `[DEBUG]` lines on for this
    /// engine alone, so engines with different settings can share a process.
    public init(options: Isol8Options = Isol8Options(), maxConcurrent: Int = 10, client: DockerClient? = nil,
                fileReadLimits: FileReadLimits = FileReadLimits(), logger: Logger = .console("isol8.engine")) throws {
        let logger = logger.debugging(options.debug)
        self.logger = logger
        self.options = options
        self.fileReadLimits = fileReadLimits
        self.client = try client ?? DockerClient.fromEnvironment()
        semaphore = try AsyncSemaphore(max: maxConcurrent)
        images = ImageResolver(client: self.client, override: options.image, logger: logger)
        pool = ContainerPool(strategy: options.poolStrategy, size: options.poolSize, seccomp: options.security.seccomp,
                             filtered: options.network == .filtered, logger: logger)
    }

    /// The persistent container, once the first execution created it.
    public var containerId: String? { persistent?.id }

    public func start() async throws {
        _ = try await client.apiVersion()
    }

    /// Warms the pool for these runtimes' images (ephemeral mode only); failures only log.
    public func start(prewarm runtimes: [Runtime]) async throws {
        try await start()
        guard options.mode == .ephemeral else { return }
        let images = Set(runtimes.map { options.image ?? RuntimeRegistry.adapter(for: $0).image })
        for image in images {
            let runtime = runtimes.first { (options.image ?? RuntimeRegistry.adapter(for: $0).image) == image }!
            await pool.warm(image: image) { try await self.create(runtime: runtime, image: image) }
            logger.debug(.pool, "Pre-warmed image: \(image)")
        }
    }

    /// Binds this persistent engine to a container that already runs (one `isol8 run
    /// --persist` left, or one made by hand from an `isol8:*` image): later runs execute in it
    /// as in any persistent container, and `stop()` leaves it running.
    public func adopt(containerId: String, runtime: Runtime) async throws {
        guard options.mode == .persistent else { throw Isol8Error.invalidOption("only a persistent engine can adopt a container") }
        let details = try await client.inspectContainer(containerId)
        guard details.State?.Running == true else {
            throw Isol8Error.invalidOption("container \(containerId.prefix(12)) is \(details.State?.Status ?? "not running"); start it first")
        }
        persistent = SandboxContainer(id: details.Id, image: details.Config?.Image ?? details.Image ?? "", runtime: runtime, client: client,
                                      logger: logger.with("runtime", runtime.rawValue).with("container", details.Id))
        adopted = true
    }

    /// Clean and dirty pooled containers for an image (for the TUI and tests).
    public func poolCounts(image: String) async -> (clean: Int, dirty: Int) {
        await pool.counts(image: image)
    }

    /// Removes the persistent container and drains the pool. Containers kept by
    /// `persist` stay.
    public func stop() async {
        if let container = persistent, !adopted {
            persistent = nil
            try? await client.stopContainer(container.id, graceSeconds: 2)
            try? await client.removeContainer(container.id, force: true)
        }
        await pool.drain()
    }

    /// A buffered run that `cancel` stops, telling `onContainer` which container it got as
    /// soon as it has one (the TUI inspects it while the run is still going).
    public func execute(_ request: ExecutionRequest, cancel: CancelToken,
                        onContainer: (@Sendable (String) -> Void)?) async throws -> ExecutionResult {
        await semaphore.acquire()
        defer { Task { await semaphore.release() } }
        let placement: ExecutionPlan.CodePlacement = options.mode == .persistent
            ? .file(stem: "/sandbox/exec_\(Self.epochMs())") : .inlineWhenSimple
        let plan = try makePlan(request, placement: placement)
        let startedAt = Self.isoNow()
        let (container, resolution) = try await acquire(for: plan)
        onContainer?(container.id)
        let tracksResources = options.audit.map { $0.trackResources } ?? false
        let baseline = tracksResources ? await ResourceSampler.snapshot(container) : nil
        let masker = SecretMasker(secrets: options.secrets)
        let stdout = LimitedOutput(limit: options.maxOutputSize, masker: masker)
        let stderr = LimitedOutput(limit: options.maxOutputSize, masker: masker)
        let outcome: PipelineOutcome
        var collected = CollectedAfterRun()
        do {
            outcome = try await runPipeline(plan, resolution, in: container, cancel: cancel, onNetwork: nil) { phase, stream, data in
                guard phase == .code else { return }
                (stream == .stderr ? stderr : stdout).append(data)
            }
            if case .finished = outcome {
                collected = try await collectAfterRun(plan, container: container, baseline: baseline, tracksResources: tracksResources)
            }
        } catch {
            await release(container)
            throw error
        }
        await release(container, after: outcome)
        switch outcome {
        case .setupFailed(let code, let setupStderr):
            throw Isol8Error.setupFailed(exitCode: code, stderr: masker.mask(setupStderr))
        case .finished(let run, let oom, let networkLogs):
            let out = stdout.finish(), err = stderr.finish()
            var errText = err.text
            if run.timedOut { errText += "\n--- EXECUTION TIMED OUT ---" }
            if oom { errText += "\n" + oomMessage }
            var result = ExecutionResult(
                stdout: trimTrailing(out.text), stderr: trimTrailing(errText),
                exitCode: run.exitCode, durationMs: run.durationMs, truncated: out.truncated || err.truncated,
                executionId: UUID().uuidString.lowercased(), runtime: request.runtime,
                timestamp: Self.isoNow(), containerId: container.id)
            result.resourceUsage = collected.resourceUsage
            result.files = collected.files
            if !networkLogs.isEmpty { result.networkLogs = networkLogs.map(masker.mask) }
            if run.timedOut { result.timedOut = true }
            if oom { result.oomKilled = true }
            logger.debug(.run, "Execution completed: exitCode=\(result.exitCode), duration=\(result.durationMs)ms, truncated=\(result.truncated)")
            audit(request, result: result, startedAt: startedAt)
            return result
        }
    }

    /// What a buffered run gathers after the code exits (compat §2.16 step 11).
    struct CollectedAfterRun {
        var resourceUsage: ResourceUsage?
        var files: [String: String]?
    }

    private func collectAfterRun(_ plan: ExecutionPlan, container: SandboxContainer, baseline: ResourceSampler.Sample?,
                                 tracksResources: Bool) async throws -> CollectedAfterRun {
        var collected = CollectedAfterRun()
        if tracksResources, let end = await ResourceSampler.snapshot(container) {
            collected.resourceUsage = ResourceSampler.usage(start: baseline, end: end)
        }
        if let paths = plan.request.outputPaths {
            var files: [String: String] = [:]
            for path in paths {
                // Missing files are skipped, as in the original; so are refused ones (device, FIFO, too large).
                do {
                    files[path] = try await container.readFile(try SandboxPath.readable(path), limits: fileReadLimits).base64EncodedString()
                } catch {
                    logger.debug(.run, "Output path \(path) skipped: \(WireJSON.message(of: error))")
                }
            }
            collected.files = files
        }
        return collected
    }

    private func audit(_ request: ExecutionRequest, result: ExecutionResult, startedAt: String) {
        guard let config = options.audit, config.enabled else { return }
        let source = request.code ?? request.cmd
        AuditLogger(config: config, logger: logger).write(AuditLogger.Record(
            executionId: result.executionId, userId: request.metadata?["userId"] ?? "", timestamp: startedAt,
            runtime: request.runtime, codeHash: source.map { SHA256.hash(data: Data($0.utf8)).hexString } ?? "",
            containerId: result.containerId ?? "", exitCode: result.exitCode, durationMs: result.durationMs,
            resourceUsage: result.resourceUsage, metadata: request.metadata,
            code: request.code ?? request.cmd, stdout: result.stdout, stderr: result.stderr))
    }

    /// Also tells `onContainer` which container the run got, before the first event.
    public func executeStream(_ request: ExecutionRequest, cancel: CancelToken, onContainer: (@Sendable (String) -> Void)?,
                              emit: @escaping @Sendable (StreamEvent) -> Void) async throws {
        try await stream(request, cancel: cancel, onContainer: onContainer, emit: emit)
    }

    public func putFile(_ path: String, _ data: Data) async throws {
        guard let container = persistent else { throw Isol8Error.noActiveContainer }
        try await container.writeFile(try SandboxPath.writable(path), data)
    }

    public func targetLimits() async throws -> TargetLimits? { try await client.targetLimits() }

    public nonisolated var inspector: (any SandboxInspector)? { ContainerInspector(client: client) }

    public func getFile(_ path: String) async throws -> Data {
        guard let container = persistent else { throw Isol8Error.noActiveContainer }
        return try await container.readFile(try SandboxPath.readable(path), limits: fileReadLimits)
    }

    // MARK: Streaming

    private func stream(_ request: ExecutionRequest, cancel: CancelToken, onContainer: (@Sendable (String) -> Void)?,
                        emit: @escaping @Sendable (StreamEvent) -> Void) async throws {
        await semaphore.acquire()
        defer { Task { await semaphore.release() } }
        let stem = options.mode == .persistent ? "/sandbox/exec_\(Self.epochMs())" : "/sandbox/main"
        let plan = try makePlan(request, placement: .file(stem: stem))
        let (container, resolution) = try await acquire(for: plan)
        onContainer?(container.id)
        let masker = SecretMasker(secrets: options.secrets)
        let decoders = StreamDecoders(masker: masker)
        let outcome: PipelineOutcome
        do {
            let onNetwork: @Sendable (NetworkLogEntry) -> Void = { emit(StreamEvent(.network, masker.mask($0).jsonLine)) }
            // isol8 closes each successful setup script with its own exit event, so a client
            // can tell a finished setup from one still running.
            let onSetupFinished: @Sendable () -> Void = { emit(StreamEvent(.exit, "0", phase: .setup)) }
            outcome = try await runPipeline(plan, resolution, in: container, cancel: cancel, onNetwork: onNetwork,
                                            onSetupFinished: onSetupFinished) { phase, stream, data in
                let text = decoders.decode(stream, phase, data)
                guard !text.isEmpty else { return }
                emit(StreamEvent(stream == .stderr ? .stderr : .stdout, text, phase: phase))
            }
        } catch {
            await release(container)
            throw error
        }
        for rest in decoders.finish() {
            emit(StreamEvent(rest.stream == .stderr ? .stderr : .stdout, rest.text, phase: rest.phase))
        }
        await release(container, after: outcome)
        switch outcome {
            case .setupFailed(let code, _):
                emit(StreamEvent(.error, "Setup script failed (exit code \(code))", phase: .setup))
                emit(StreamEvent(.exit, String(code), phase: .setup))
            case .finished(let run, let oom, _):
                if run.timedOut { emit(StreamEvent(.error, "EXECUTION TIMED OUT")) }
                if oom { emit(StreamEvent(.error, oomMessage)) }
                if run.cancelled { emit(StreamEvent(.error, "EXECUTION CANCELLED")) }
                logger.debug(.run, "Execution completed: exitCode=\(run.exitCode), duration=\(run.durationMs)ms, truncated=false")
                emit(StreamEvent(.exit, String(run.exitCode)))
        }
    }

    // MARK: Pipeline

    enum PipelineOutcome {
        case setupFailed(exitCode: Int, stderr: String)
        case finished(UserCodeOutcome, oomKilled: Bool, networkLogs: [NetworkLogEntry])
    }

    /// Installs, setup scripts, file writes, then the user code (compat §2.16 steps 5–10).
    /// With `onNetwork` (streams), proxy log entries are delivered live; buffered runs get
    /// them back in the outcome. Both only in filtered mode with `logNetwork`.
    /// `onSetupFinished` follows each setup script that exits 0.
    private func runPipeline(_ plan: ExecutionPlan, _ resolution: ImageResolver.Resolution, in container: SandboxContainer, cancel: CancelToken,
                             onNetwork: (@Sendable (NetworkLogEntry) -> Void)?, onSetupFinished: (@Sendable () -> Void)? = nil,
                             onOutput: @escaping @Sendable (StreamEvent.Phase, OutputChannel, Data) -> Void) async throws -> PipelineOutcome {
        let env = SandboxEnvironment.exec(options, request: plan.request.env)
        if !resolution.remainingPackages.isEmpty {
            try await PackageInstaller(container: container, timeoutMs: plan.timeoutMs, index: options.packageIndex)
                .install(resolution.remainingPackages)
        }
        // Image-level setup (a custom image's label) first, then the request's own.
        for script in [resolution.setupScript, plan.request.setupScript].compactMap({ $0 }).filter({ !$0.isEmpty }) {
            let setup = SetupScript(container: container, timeoutMs: plan.timeoutMs, env: env)
            let outcome = try await setup.run(script) { stream, data in onOutput(.setup, stream, data) }
            if outcome.exitCode != 0 { return .setupFailed(exitCode: outcome.exitCode, stderr: outcome.stderr) }
            onSetupFinished?()
        }
        for write in plan.writes { try await container.writeFile(write.path, write.data) }
        let logsNetwork = options.network == .filtered && options.logNetwork
        let offset = logsNetwork ? await FilteredNetwork.logOffset(container) : 0
        let tail = logsNetwork ? onNetwork.map { NetworkLogTail(container: container, offset: offset, onEntry: $0) } : nil
        tail?.start()
        let run = try await container.runUserCode(plan.command, workdir: plan.workdir, env: env + plan.env, timeoutMs: plan.timeoutMs,
                                                  cancel: cancel) { stream, data in onOutput(.code, stream, data) }
        var networkLogs = [NetworkLogEntry]()
        if let tail {
            await tail.finish()
        } else if logsNetwork {
            networkLogs = await FilteredNetwork.entries(container, since: offset)
        }
        var oom = false
        if run.exitCode == 137 && !run.timedOut && !run.cancelled {
            let count = await container.oomKillCount()
            oom = count > oomBaseline[container.id, default: 0]
            oomBaseline[container.id] = count
        }
        return .finished(run, oomKilled: oom, networkLogs: networkLogs)
    }

    // MARK: Containers

    private func makePlan(_ request: ExecutionRequest, placement: ExecutionPlan.CodePlacement) throws -> ExecutionPlan {
        try ExecutionPlan.checkAgentNetwork(request.runtime, options)
        _ = try ExecutionPlan.validate(request)
        if options.network == .filtered { try FilteredNetwork.validate(options.networkFilter) }
        var request = request
        if let url = request.codeUrl, !url.trimmingCharacters(in: .whitespaces).isEmpty {
            let fetcher = RemoteCodeFetcher(policy: options.remoteCode)
            request.code = try fetcher.fetch(url, allowInsecure: request.allowInsecureCodeUrl ?? false, expectedHash: request.codeHash)
            request.codeUrl = nil
        }
        let stdinPath = options.mode == .persistent ? "/sandbox/_stdin_\(Self.epochMs())" : "/sandbox/_stdin"
        return try ExecutionPlan(request, defaultTimeoutMs: options.timeoutMs, placement: placement, stdinPath: stdinPath)
    }

    private func acquire(for plan: ExecutionPlan) async throws -> (SandboxContainer, ImageResolver.Resolution) {
        let runtime = plan.request.runtime
        var resolution = try await images.resolve(runtime: runtime, packages: plan.request.installPackages ?? [])
        if options.mode == .persistent {
            if let container = persistent {
                guard container.runtime == runtime else { throw Isol8Error.runtimeLocked(from: container.runtime, to: runtime) }
                // The container's image is fixed; a later request's packages are installed in it.
                if resolution.image != container.image { resolution.remainingPackages = plan.request.installPackages ?? [] }
                return (container, resolution)
            }
            let container = try await create(runtime: runtime, image: resolution.image)
            persistent = container
            try await prepareNetwork(container)
            return (container, resolution)
        }
        let image = resolution.image
        let container = try await pool.acquire(image: image) { try await self.create(runtime: runtime, image: image) }
        do {
            try await prepareNetwork(container)
        } catch {
            await release(container)
            throw error
        }
        return (container, resolution)
    }

    /// Filtered mode: (re)start the proxy and rules on every acquire, since pool cleanup
    /// flushes them.
    private func prepareNetwork(_ container: SandboxContainer) async throws {
        guard options.network == .filtered else { return }
        try await FilteredNetwork.setUp(container, filter: options.networkFilter)
    }

    private func create(runtime: Runtime, image: String) async throws -> SandboxContainer {
        let spec = try ContainerBlueprint.spec(image: image, runtime: runtime, options: options)
        let id = try await client.createContainer(spec)
        logger.debug(.pool, "Container \(id) created for image: \(image)")
        do {
            try await client.startContainer(id)
        } catch {
            try? await client.removeContainer(id, force: true)
            throw error
        }
        logger.debug(.pool, "Container \(id) started")
        return SandboxContainer(id: id, image: image, runtime: runtime, client: client,
                                logger: logger.with("runtime", runtime.rawValue).with("container", id))
    }

    /// After an ephemeral run: keep it for inspection (`persist`) or hand it back to the
    /// pool (which removes it when full; `stop()` drains the rest).
    private func release(_ container: SandboxContainer, after outcome: PipelineOutcome? = nil) async {
        guard options.mode == .ephemeral else { return }
        if options.persist {
            logger.debug(.persist, "Leaving container running for inspection: \(container.id)")
            return
        }
        if case .finished(let run, _, _)? = outcome, run.cancelled {
            // The cancelled program may still be running in it: remove the container now
            // rather than let it burn CPU in the pool until the next cleaning.
            logger.debug(.run, "Removing the cancelled run's container: \(container.id)")
            try? await client.removeContainer(container.id, force: true)
            return
        }
        await pool.release(container)
    }

    private var oomMessage: String {
        "--- OUT OF MEMORY: the kernel killed the process at the \(options.memoryLimit) memory limit (raise --memory) ---"
    }

    private func trimTrailing(_ text: String) -> String {
        var text = text
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    static func epochMs() -> Int { Int(Date().timeIntervalSince1970 * 1000) }

    static func isoNow() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}

/// One output stream of a buffered run, shared with the exec callback thread: secrets are
/// masked before the cap, so a cut through a secret cannot leave a prefix of it.
final class LimitedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var limiter: OutputLimiter
    private var masker: SecretStreamMasker

    init(limit: Int, masker: SecretMasker = SecretMasker(secrets: [:])) {
        limiter = OutputLimiter(limit: limit)
        self.masker = SecretStreamMasker(masker)
    }

    func append(_ data: Data) { lock.withLock { limiter.append(masker.feed(data)) } }

    /// The kept text and whether the cap cut it, once the run's output has ended.
    func finish() -> (text: String, truncated: Bool) {
        lock.withLock {
            limiter.append(masker.finish())
            return (limiter.text(), limiter.truncated)
        }
    }
}

/// Per (stream, phase) of a streamed run: secrets masked across chunk boundaries, then
/// incremental UTF-8 decoding; shared with the callback thread.
final class StreamDecoders: @unchecked Sendable {
    private struct Channel {
        var masker: SecretStreamMasker
        var decoder = UTF8StreamDecoder()
    }

    private let lock = NSLock()
    private let masker: SecretMasker
    private var channels: [String: Channel] = [:]
    /// First-use order, so the end-of-run flush keeps setup output before the code's.
    private var order: [(key: String, stream: OutputChannel, phase: StreamEvent.Phase)] = []

    init(masker: SecretMasker) { self.masker = masker }

    func decode(_ stream: OutputChannel, _ phase: StreamEvent.Phase, _ data: Data) -> String {
        lock.withLock {
            let key = "\(stream.rawValue)-\(phase.rawValue)"
            if channels[key] == nil {
                channels[key] = Channel(masker: SecretStreamMasker(masker))
                order.append((key, stream, phase))
            }
            let masked = channels[key]!.masker.feed(data)
            return channels[key]!.decoder.decode(masked)
        }
    }

    /// What each channel still holds back (a possible secret's start, a partial character).
    func finish() -> [(stream: OutputChannel, phase: StreamEvent.Phase, text: String)] {
        lock.withLock {
            order.compactMap { entry -> (stream: OutputChannel, phase: StreamEvent.Phase, text: String)? in
                guard var channel = channels[entry.key] else { return nil }
                let text = channel.decoder.decode(channel.masker.finish()) + channel.decoder.finish()
                channels[entry.key] = channel
                return text.isEmpty ? nil : (entry.stream, entry.phase, text)
            }
        }
    }
}
