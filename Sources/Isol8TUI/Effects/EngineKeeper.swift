import Isol8Core

/// Hands out engines for runs: a fresh one per ephemeral run, and one kept across runs while
/// the `persistent` knob is on — replaced when its options or runtime change, since a
/// persistent container is created with fixed limits for a single runtime.
actor EngineKeeper {
    private var kept: (engine: DockerEngine, options: Isol8Options, runtime: Runtime)?

    /// The engine run `spec` should use, and whether the caller must stop it afterwards.
    func engine(for spec: RunSpec, runtime: Runtime, client: DockerClient) async throws -> (DockerEngine, owned: Bool) {
        guard spec.options.mode == .persistent else {
            return (try DockerEngine(options: spec.options, maxConcurrent: spec.maxConcurrent, client: client), true)
        }
        if let kept, kept.options == spec.options, kept.runtime == runtime { return (kept.engine, false) }
        await release()
        let engine = try DockerEngine(options: spec.options, maxConcurrent: spec.maxConcurrent, client: client)
        kept = (engine, spec.options, runtime)
        return (engine, false)
    }

    /// Stops the kept engine, removing its container.
    func release() async {
        guard let engine = kept?.engine else { return }
        kept = nil
        await engine.stop()
    }
}
