/// The environment every container and user-code exec gets (compat §2.7).
public enum SandboxEnvironment {
    public static let path = "/sandbox/.local/bin:/sandbox/.npm-global/bin:/sandbox/.bun-global/bin:/usr/local/bin:/usr/bin:/bin"
    /// PATH for installs and setup scripts, which may need sbin tools.
    public static let extendedPath = path + ":/usr/local/sbin:/usr/sbin:/sbin"
    public static let proxyURL = "http://127.0.0.1:8118"

    /// Container-level env: base list, secrets, and the proxy settings in filtered mode.
    public static func container(_ options: Isol8Options) -> [String] {
        var env = [
            "PYTHONUNBUFFERED=1",
            "PYTHONUSERBASE=/sandbox/.local",
            "NPM_CONFIG_PREFIX=/sandbox/.npm-global",
            "DENO_DIR=/sandbox/.deno",
            "PATH=\(path)",
            "NODE_PATH=/usr/local/lib/node_modules:/sandbox/.npm-global/lib/node_modules:/sandbox/node_modules",
        ]
        // Tools such as deno and bun want a writable HOME; /sandbox is the only one.
        env.append("HOME=/sandbox")
        env += options.secrets.keys.sorted().map { "\($0)=\(options.secrets[$0]!)" }
        return env + proxy(options)
    }

    /// Exec-level env: the container list plus the request's own variables.
    public static func exec(_ options: Isol8Options, request: [String: String]?) -> [String] {
        let base = container(options)
        let extra = (request ?? [:]).keys.sorted().map { "\($0)=\(request![$0]!)" }
        // Request env sits before the proxy block so it cannot override the proxy.
        let proxyEntries = proxy(options)
        return Array(base.dropLast(proxyEntries.count)) + extra + proxyEntries
    }

    private static func proxy(_ options: Isol8Options) -> [String] {
        guard options.network == .filtered else { return [] }
        var env = [String]()
        if let filter = options.networkFilter {
            env.append("ISOL8_WHITELIST=\(jsonArray(filter.whitelist))")
            env.append("ISOL8_BLACKLIST=\(jsonArray(filter.blacklist))")
        }
        for key in ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"] { env.append("\(key)=\(proxyURL)") }
        return env
    }

    private static func jsonArray(_ items: [String]) -> String {
        "[" + items.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ",") + "]"
    }
}
