import Foundation

/// Every known config key, its expected JSON type and where it lands in `Isol8Config`.
enum ConfigSchema {
    struct Mismatch: Error {
        var expected: String
    }

    struct Field {
        let apply: (inout Isol8Config, Any) throws -> Void
    }

    static let sections: Set<String> = ["defaults", "network", "cleanup", "security", "remoteCode", "audit", "auth", "packages", "tui", "tui.keys"]

    static let fields: [String: Field] = [
        "debug": bool { $0.debug = $1 },
        "maxConcurrent": int { $0.maxConcurrent = $1 },
        "defaults.timeoutMs": int { $0.defaults.timeoutMs = $1 },
        "defaults.memoryLimit": string { $0.defaults.memoryLimit = $1 },
        "defaults.cpuLimit": number { $0.defaults.cpuLimit = $1 },
        "defaults.network": choice(NetworkMode.self) { $0.defaults.network = $1 },
        "defaults.sandboxSize": string { $0.defaults.sandboxSize = $1 },
        "defaults.tmpSize": string { $0.defaults.tmpSize = $1 },
        "defaults.readonlyRootFs": bool { $0.defaults.readonlyRootFs = $1 },
        "network.whitelist": strings { $0.network.whitelist = $1 },
        "network.blacklist": strings { $0.network.blacklist = $1 },
        "cleanup.autoPrune": bool { $0.cleanup.autoPrune = $1 },
        "cleanup.maxContainerAgeMs": int { $0.cleanup.maxContainerAgeMs = $1 },
        "poolStrategy": choice(PoolStrategy.self) { $0.poolStrategy = $1 },
        "poolSize": Field { config, value in config.poolSize = try poolSize(value) },
        "security.seccomp": choice(SeccompMode.self) { $0.security.seccomp = $1 },
        "security.customProfilePath": string { $0.security.customProfilePath = $1 },
        "remoteCode.enabled": bool { $0.remoteCode.enabled = $1 },
        "remoteCode.allowedSchemes": strings { $0.remoteCode.allowedSchemes = $1 },
        "remoteCode.allowedHosts": strings { $0.remoteCode.allowedHosts = $1 },
        "remoteCode.blockedHosts": strings { $0.remoteCode.blockedHosts = $1 },
        "remoteCode.maxCodeSize": int { $0.remoteCode.maxCodeSize = $1 },
        "remoteCode.fetchTimeoutMs": int { $0.remoteCode.fetchTimeoutMs = $1 },
        "remoteCode.requireHash": bool { $0.remoteCode.requireHash = $1 },
        "remoteCode.enableCache": bool { $0.remoteCode.enableCache = $1 },
        "remoteCode.cacheTtl": int { $0.remoteCode.cacheTtl = $1 },
        "audit.enabled": bool { $0.audit.enabled = $1 },
        "audit.destination": string { $0.audit.destination = $1 },
        "audit.logDir": string { $0.audit.logDir = $1 },
        "audit.postLogScript": string { $0.audit.postLogScript = $1 },
        "audit.trackResources": bool { $0.audit.trackResources = $1 },
        "audit.retentionDays": int { $0.audit.retentionDays = $1 },
        "audit.includeCode": bool { $0.audit.includeCode = $1 },
        "audit.includeOutput": bool { $0.audit.includeOutput = $1 },
        "auth.enabled": bool { $0.auth.enabled = $1 },
        "auth.connectionString": string { $0.auth.connectionString = $1 },
        "auth.defaultTtlMs": int { $0.auth.defaultTtlMs = $1 },
        "auth.cleanupIntervalMs": int { $0.auth.cleanupIntervalMs = $1 },
        "prebuiltImages": Field { config, value in config.prebuiltImages = try prebuilt(value) },
        "packages.pipIndexUrl": string { $0.packages.pipIndexURL = $1 },
        "packages.npmRegistry": string { $0.packages.npmRegistry = $1 },
        "tui.theme": string { $0.tui["theme"] = $1 },
        "tui.mouse": bool { $0.tui["mouse"] = $1 ? "true" : "false" },
        "tui.outputMaxLines": int { $0.tui["outputMaxLines"] = String($1) },
        "tui.outputMaxBytes": int { $0.tui["outputMaxBytes"] = String($1) },
    ]

    static var knownKeys: [String] { Array(fields.keys) + Array(sections) }

    /// The known key closest by edit distance, when it is close enough to be a typo.
    static func nearest(to key: String) -> String? {
        let scored = knownKeys.map { ($0, editDistance($0.lowercased(), key.lowercased())) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, key.count / 3) else { return nil }
        return best
    }

    static func describe(_ value: Any) -> String {
        if isBool(value) { return "a boolean (\(value))" }
        if value is NSNumber { return "a number (\(value))" }
        if let text = value as? String { return "a string (\"\(text)\")" }
        if value is [Any] { return "an array" }
        if value is [String: Any] { return "an object" }
        return "null"
    }

    // MARK: Field kinds

    private static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private static func bool(_ set: @escaping (inout Isol8Config, Bool) -> Void) -> Field {
        Field { config, value in
            guard isBool(value), let flag = value as? Bool else { throw Mismatch(expected: "a boolean (true or false)") }
            set(&config, flag)
        }
    }

    private static func int(_ set: @escaping (inout Isol8Config, Int) -> Void) -> Field {
        Field { config, value in
            guard !isBool(value), let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded() else {
                throw Mismatch(expected: "a whole number")
            }
            set(&config, number.intValue)
        }
    }

    private static func number(_ set: @escaping (inout Isol8Config, Double) -> Void) -> Field {
        Field { config, value in
            guard !isBool(value), let number = value as? NSNumber else { throw Mismatch(expected: "a number") }
            set(&config, number.doubleValue)
        }
    }

    private static func string(_ set: @escaping (inout Isol8Config, String) -> Void) -> Field {
        Field { config, value in
            guard let text = value as? String else { throw Mismatch(expected: "a string") }
            set(&config, text)
        }
    }

    private static func strings(_ set: @escaping (inout Isol8Config, [String]) -> Void) -> Field {
        Field { config, value in
            guard let items = value as? [Any], let texts = items as? [String], texts.count == items.count else {
                throw Mismatch(expected: "an array of strings")
            }
            set(&config, texts)
        }
    }

    private static func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ set: @escaping (inout Isol8Config, E) -> Void) -> Field
    where E.RawValue == String {
        Field { config, value in
            let allowed = E.allCases.map(\.rawValue)
            guard let text = value as? String, let parsed = E(rawValue: text) else {
                throw Mismatch(expected: "one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            set(&config, parsed)
        }
    }

    private static func poolSize(_ value: Any) throws -> PoolSize {
        if !isBool(value), let number = value as? NSNumber { return PoolSize(clean: number.intValue, dirty: number.intValue) }
        guard let object = value as? [String: Any], let clean = object["clean"] as? NSNumber, let dirty = object["dirty"] as? NSNumber,
              !isBool(clean), !isBool(dirty) else {
            throw Mismatch(expected: "a number or {\"clean\": n, \"dirty\": n}")
        }
        return PoolSize(clean: clean.intValue, dirty: dirty.intValue)
    }

    private static func prebuilt(_ value: Any) throws -> [Isol8Config.PrebuiltImage] {
        let shape = "an array of {\"tag\", \"runtime\", \"installPackages\", \"setupScript\"?}"
        guard let items = value as? [[String: Any]] else { throw Mismatch(expected: shape) }
        return try items.map { item in
            guard let tag = item["tag"] as? String, let runtime = item["runtime"] as? String,
                  let packages = item["installPackages"] as? [String] else { throw Mismatch(expected: shape) }
            return .init(tag: tag, runtime: runtime, installPackages: packages, setupScript: item["setupScript"] as? String)
        }
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
