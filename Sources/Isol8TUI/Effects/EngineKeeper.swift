import Isol8Core

/// Hands out the engine for a run and keeps it while the knobs that shape it stay the same:
/// an ephemeral engine's warm pool makes the next run start sooner, and a persistent engine
/// keeps its container. A persistent container has fixed limits and a single runtime, so
/// for it the runtime is part of what must match.
actor EngineKeeper {
    private struct Shape: Equatable {
        var options: Isol8Options
        var maxConcurrent: Int
        var persistentRuntime: Runtime?
    }

    private var kept: (engine: DockerEngine, shape: Shape)?

    /// The engine run `spec` should use, replacing (and stopping) a kept one of another shape.
    func engine(for spec: RunSpec, runtime: Runtime, client: DockerClient) async throws -> DockerEngine {
        let shape = Shape(options: spec.options, maxConcurrent: spec.maxConcurrent,
                          persistentRuntime: spec.options.mode == .persistent ? runtime : nil)
        if let kept, kept.shape == shape { return kept.engine }
        await release()
        let engine = try DockerEngine(options: spec.options, maxConcurrent: spec.maxConcurrent, client: client)
        try await engine.start()
        kept = (engine, shape)
        return engine
    }

    /// Stops the kept engine, removing its pooled or persistent containers.
    func release() async {
        guard let engine = kept?.engine else { return }
        kept = nil
        await engine.stop()
    }
}
