import Foundation

/// Installs request packages before the code runs (compat §2.14).
struct PackageInstaller {
    let container: SandboxContainer
    let timeoutMs: Int
    let index: PackageIndex

    func install(_ packages: [String]) async throws {
        let (argv, user, env) = Self.command(for: container.runtime, packages: packages, index: index)
        let command = ["timeout", "-s", "KILL", String(ExecutionPlan.timeoutSeconds(timeoutMs))] + argv
        container.logger.debug("Installing packages: \(Self.jsonArgv(command))")
        let output = try await container.client.run(container.id, ExecSpec(cmd: command, user: user, workingDir: "/sandbox",
                                                                          env: env + ["PATH=\(SandboxEnvironment.extendedPath)"]))
        for line in output.stdoutText.split(separator: "\n") { container.logger.debug(.install(container.runtime, .stdout), "\(line)") }
        for line in output.stderrText.split(separator: "\n") { container.logger.debug(.install(container.runtime, .stderr), "\(line)") }
        guard output.exitCode == 0 else {
            throw Isol8Error.packageInstallFailed(exitCode: output.exitCode, stderr: output.stderrText.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    static func command(for runtime: Runtime, packages: [String], index: PackageIndex) -> (argv: [String], user: String?, env: [String]) {
        switch runtime {
        case .python:
            var env = ["PYTHONUSERBASE=/sandbox/.local", "HOME=/sandbox"]
            if let url = index.pipIndexURL {
                env.append("PIP_INDEX_URL=\(url)")
                if url.hasPrefix("http://"), let host = URLComponents(string: url)?.host { env.append("PIP_TRUSTED_HOST=\(host)") }
            }
            return (["pip", "install", "--user", "--no-cache-dir", "--break-system-packages", "--disable-pip-version-check",
                     "--retries", "0", "--timeout", "15"] + packages, "sandbox", env)
        case .node:
            var env = ["NPM_CONFIG_PREFIX=/sandbox/.npm-global", "HOME=/sandbox"]
            if let registry = index.npmRegistry { env += ["NPM_CONFIG_REGISTRY=\(registry)", "npm_config_registry=\(registry)"] }
            for (key, value) in [("CACHE", "/sandbox/.npm-cache"), ("FETCH_RETRIES", "0"),
                                 ("FETCH_RETRY_MINTIMEOUT", "1000"), ("FETCH_RETRY_MAXTIMEOUT", "2000")] {
                env += ["NPM_CONFIG_\(key)=\(value)", "npm_config_\(key.lowercased())=\(value)"]
            }
            return (["npm", "install", "--prefix", "/sandbox"] + packages, "sandbox", env)
        case .bun, .agent:
            var env = ["BUN_INSTALL_GLOBAL_DIR=/sandbox/.bun-global", "BUN_INSTALL_CACHE_DIR=/sandbox/.bun-cache",
                       "BUN_INSTALL_BIN=/sandbox/.bun-global/bin", "HOME=/sandbox"]
            if let registry = index.npmRegistry { env.append("BUN_CONFIG_REGISTRY=\(registry)") }
            return (["bun", "install", "-g", "--global-dir=/sandbox/.bun-global"] + packages, "sandbox", env)
        case .deno:
            let script = packages.map { "deno cache \($0)" }.joined(separator: " && ")
            return (["sh", "-c", script], "sandbox", ["DENO_DIR=/sandbox/.deno", "HOME=/sandbox"])
        case .bash:
            // The images are Debian-based, so apt replaces the original's apk.
            return (["sh", "-c", "apt-get install -y --no-install-recommends " + ShellQuote.join(packages)], nil, [])
        }
    }

    static func jsonArgv(_ argv: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(argv)) ?? Data(), as: UTF8.self)
    }
}
