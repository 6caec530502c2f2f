import Isol8Core
import Logging

/// Hands out the engine for a run and keeps it while the target and the knobs that shape it
/// stay the same: an ephemeral engine's warm pool makes the next run start sooner, and a
/// persistent engine keeps its container. A persistent container has fixed limits and a
/// single runtime, so for it the runtime is part of what must match.
actor EngineKeeper {
    private struct Shape: Equatable {
        var target: Target
        var options: Isol8Options
        var maxConcurrent: Int
        var persistentRuntime: Runtime?
        var attached: AttachedSandbox?
    }

    private let factory: EngineFactory
    private let logger: Logger
    private var kept: (engine: any Isol8Engine, shape: Shape)?

    init(factory: EngineFactory, logger: Logger) {
        self.factory = factory
        self.logger = logger
    }

    /// The engine a prepared run should use on `target`, replacing (and stopping) a kept one
    /// of another shape.
    /// `attached` binds the engine to that sandbox instead (see `EngineFactory.attachedEngine`).
    func engine(for run: RunPreparation, on target: Target, attachedTo attached: AttachedSandbox? = nil) async throws -> any Isol8Engine {
        let options = run.options
        let shape = Shape(target: target, options: options, maxConcurrent: run.effective.maxConcurrent,
                          persistentRuntime: options.mode == .persistent || attached != nil ? run.request.runtime : nil,
                          attached: attached)
        if let kept, kept.shape == shape { return kept.engine }
        await release()
        let engine = if let attached {
            try await factory.attachedEngine(for: target, sandbox: attached.id, runtime: run.request.runtime, options: options,
                                             maxConcurrent: run.effective.maxConcurrent, logger: logger)
        } else {
            try factory.engine(for: target, options: options, maxConcurrent: run.effective.maxConcurrent, logger: logger)
        }
        try await engine.start()
        kept = (engine, shape)
        return engine
    }

    /// Stops the kept engine, removing its pooled or persistent containers — but not a
    /// named server session the user gave: that outlives the TUI, as with `isol8 run --session-id`.
    func release() async {
        guard let (engine, shape) = kept else { return }
        kept = nil
        if case .server(_, _, _?) = shape.target.kind { return }
        // An attached sandbox belongs to whoever made it (an adopted container survives stop(),
        // but a session on a server would be deleted).
        if shape.attached != nil, case .server = shape.target.kind { return }
        await engine.stop()
    }
}
