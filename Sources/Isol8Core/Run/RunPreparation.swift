import Foundation
import Logging

/// One run made ready: flags or knobs plus the config file turned into the engine options
/// (with where each came from) and the request, with every check that can be made before
/// a container exists. The CLI, the TUI and the server assemble runs only through this.
public struct RunPreparation: Sendable {
    public private(set) var effective: EffectiveConfig
    public let request: ExecutionRequest
    public let source: RunFlags.CodeSource
    /// Registry patterns added to the allowlist so `--install` can reach them.
    public let addedRegistries: [String]

    public var options: Isol8Options { effective.options }

    /// For `isol8 run`: the config file and the environment under the flags.
    public static func prepare(flags: RunFlags, config loaded: ConfigLoader.Loaded,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               log: Logger, readStdin: () -> String) throws -> RunPreparation {
        let effective = try EffectiveConfig.resolve(loaded, flags: flags, environment: environment)
        if effective.entries.contains(where: { $0.key == "network" && $0.source == .flag("--install") }) {
            log.debug(.run, "--install detected without explicit --net; using filtered network mode automatically")
        }
        return try prepare(flags: flags, effective: effective, log: log, readStdin: readStdin)
    }

    /// For the TUI: options already resolved and changed by knobs.
    public static func prepare(flags: RunFlags, effective: EffectiveConfig, log: Logger, readStdin: () -> String) throws -> RunPreparation {
        // Where every value came from, before the request is read: a run refused for its code
        // or its workdir still shows the settings it would have had.
        for entry in effective.entries { log.debug(.config, "\(entry.key) = \(entry.value) (\(entry.source))") }
        var effective = effective
        let (request, source) = try flags.makeRequest(options: effective.options, log: log, readStdin: readStdin)
        let added = RegistryAllowlist.merge(into: &effective, runtime: request.runtime,
                                            installing: !(request.installPackages ?? []).isEmpty)
        if !added.isEmpty {
            log.debug(.run, "Added default package registries for \(request.runtime.rawValue): \(added.joined(separator: ", "))")
        }
        try check(request, options: effective.options)
        return RunPreparation(effective: effective, request: request, source: source, addedRegistries: added)
    }

    /// isol8's `[Run]` lines about the resolved run (compat §9), the same from the CLI and the
    /// TUI; `engine` says where it goes ("Using local Docker engine", …).
    public func logResolution(to log: Logger, engine: String) {
        log.debug(.run, "Engine options: mode=\(options.mode.rawValue), network=\(options.network.rawValue)")
        log.debug(.run, engine)
        log.debug(.run, "Runtime: \(request.runtime.rawValue), mode: \(options.mode.rawValue)")
        log.debug(.run, "Network: \(options.network.rawValue), timeout: \(options.timeoutMs)ms")
        log.debug(.run, "Memory: \(options.memoryLimit), CPU: \(JSNumber.text(options.cpuLimit))")
        switch source {
        case .inline: log.debug(.run, "Code source: inline")
        case .file: log.debug(.run, "Code source: file")
        case .stdin: log.debug(.run, "Code source: stdin")
        case .cmd: log.debug(.run, "Code source: cmd")
        case .url(let url): log.debug(.run, "Code source: url=\(url)")
        }
        if let code = request.code { log.debug(.run, "Code length: \(code.count) chars") }
        if let cmd = request.cmd { log.debug(.run, "Cmd: \(cmd)") }
        if let stdin = request.stdin { log.debug(.run, "Stdin data provided (\(stdin.count) chars)") }
        if let packages = request.installPackages { log.debug(.run, "Packages to install: \(packages.joined(separator: ", "))") }
        if options.persist { log.debug(.run, "Persist mode enabled") }
    }

    /// For the server: a request and options that arrived whole.
    public static func check(_ request: ExecutionRequest, options: Isol8Options) throws {
        try ExecutionPlan.checkAgentNetwork(request.runtime, options)
        _ = try ExecutionPlan.validate(request)
        if options.network == .filtered { try FilteredNetwork.validate(options.networkFilter) }
        let image = options.image ?? RuntimeRegistry.adapter(for: request.runtime).image
        _ = try ContainerBlueprint.spec(image: image, runtime: request.runtime, options: options)
    }

    /// Refuses what the engine's target cannot give (more CPUs or memory than its host
    /// has), before the engine makes a container.
    public func check(on engine: any Isol8Engine) async throws {
        guard let limits = try await engine.targetLimits() else { return }
        try effective.check(against: limits)
    }
}
