import Foundation

/// Runs one setup script as `sandbox` before the code (compat §2.15), streaming its output.
struct SetupScript {
    let container: SandboxContainer
    let timeoutMs: Int
    let env: [String]

    struct Outcome {
        var exitCode: Int
        var stderr: String
    }

    func run(_ script: String, onOutput: @escaping @Sendable (OutputChannel, Data) -> Void) async throws -> Outcome {
        let path = "/sandbox/.isol8-setup.sh"
        try await container.writeFile(path, Data(script.utf8))
        let argv = ["timeout", "-s", "KILL", String(ExecutionPlan.timeoutSeconds(timeoutMs)), "bash", path]
        container.logger.debug("Running setup script: \(PackageInstaller.jsonArgv(argv))")
        let stderr = LimitedOutput(limit: 64 * 1024)
        let env = env.filter { !$0.hasPrefix("PATH=") } + ["PATH=\(SandboxEnvironment.extendedPath)"]
        let outcome = try await container.runUserCode(argv, workdir: "/sandbox", env: env, timeoutMs: timeoutMs) { stream, data in
            if stream == .stderr { stderr.append(data) }
            onOutput(stream, data)
        }
        if outcome.timedOut {
            onOutput(.stderr, Data("SETUP SCRIPT TIMED OUT\n".utf8))
            return Outcome(exitCode: 137, stderr: stderr.finish().text + "SETUP SCRIPT TIMED OUT")
        }
        return Outcome(exitCode: outcome.exitCode, stderr: stderr.finish().text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
