import Foundation
import Isol8Core

/// Engine options for one request (spec §6.3, §5.4): server config first, then the
/// request's `options`, then what the server always decides itself — `mode` from the
/// session id, `audit`, pool settings and `remoteCode` from the config.
struct EngineOptionsResolver: Sendable {
    let config: Isol8Config
    /// Where package installs come from: the config's `packages` under the environment's.
    let packageIndex: PackageIndex

    /// Thrown for a request option of the wrong type; the route answers 400.
    struct InvalidOption: Error, CustomStringConvertible {
        let key: String
        let reason: String
        var description: String { "Invalid options.\(key): \(reason)" }
    }

    func resolve(requestOptions: [String: Any]?, sessionId: String?) throws -> Isol8Options {
        var options = Isol8Options()
        let defaults = config.defaults
        options.network = defaults.network
        options.memoryLimit = defaults.memoryLimit
        options.cpuLimit = defaults.cpuLimit
        options.timeoutMs = defaults.timeoutMs
        options.sandboxSize = defaults.sandboxSize
        options.tmpSize = defaults.tmpSize
        // [rec] rows of §5.4: the server also applies these config keys.
        options.readonlyRootFs = defaults.readonlyRootFs
        options.security = config.security
        if !config.network.whitelist.isEmpty || !config.network.blacklist.isEmpty { options.networkFilter = config.network }

        if let given = requestOptions { try apply(given, to: &options) }

        options.mode = sessionId == nil ? .ephemeral : .persistent
        options.audit = config.audit
        options.poolStrategy = config.poolStrategy
        options.poolSize = config.poolSize
        // [rec] §5.4: a client may not loosen the server's code-fetching policy.
        options.remoteCode = config.remoteCode
        // A client must not send the server's package installs elsewhere either.
        options.packageIndex = packageIndex
        return options
    }

    private func apply(_ given: [String: Any], to options: inout Isol8Options) throws {
        for (key, value) in given {
            switch key {
            case "network": options.network = try decode(NetworkMode.self, key, value)
            case "networkFilter":
                let filter = try object(key, value)
                options.networkFilter = NetworkFilter(whitelist: try strings(filter["whitelist"], "networkFilter.whitelist"),
                                                      blacklist: try strings(filter["blacklist"], "networkFilter.blacklist"))
            case "cpuLimit": options.cpuLimit = try decode(Double.self, key, value)
            case "memoryLimit": options.memoryLimit = try decode(String.self, key, value)
            case "pidsLimit": options.pidsLimit = try decode(Int.self, key, value)
            case "readonlyRootFs": options.readonlyRootFs = try decode(Bool.self, key, value)
            case "maxOutputSize": options.maxOutputSize = try decode(Int.self, key, value)
            case "secrets": options.secrets = try decode([String: String].self, key, value)
            case "timeoutMs": options.timeoutMs = try decode(Int.self, key, value)
            case "image": options.image = value is NSNull ? nil : try decode(String.self, key, value)
            case "sandboxSize": options.sandboxSize = try decode(String.self, key, value)
            case "tmpSize": options.tmpSize = try decode(String.self, key, value)
            case "persist": options.persist = try decode(Bool.self, key, value)
            case "logNetwork": options.logNetwork = try decode(Bool.self, key, value)
            case "extraHosts": options.extraHosts = try decode([String].self, key, value)
            case "security":
                let security = try object(key, value)
                if let mode = security["seccomp"] { options.security.seccomp = try decode(SeccompMode.self, "security.seccomp", mode) }
                // customProfilePath names a file on the server's disk: only the server config may set it.
            default:
                // mode, poolStrategy, poolSize, audit, remoteCode: the server decides (§6.3).
                // debug: a client must not switch on the server's global debug log.
                continue
            }
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ key: String, _ value: Any) throws -> T {
        do {
            let data = try JSONSerialization.data(withJSONObject: [value])
            return try JSONDecoder().decode([T].self, from: data)[0]
        } catch {
            throw InvalidOption(key: key, reason: "expected \(Self.typeName(T.self)), got \(value)")
        }
    }

    private func object(_ key: String, _ value: Any) throws -> [String: Any] {
        guard let object = value as? [String: Any] else { throw InvalidOption(key: key, reason: "expected an object") }
        return object
    }

    private func strings(_ value: Any?, _ key: String) throws -> [String] {
        guard let value, !(value is NSNull) else { return [] }
        return try decode([String].self, key, value)
    }

    private static func typeName<T>(_ type: T.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: return "a number"
        case is Bool.Type: return "a boolean"
        case is String.Type: return "a string"
        case is NetworkMode.Type: return "none, host or filtered"
        case is SeccompMode.Type: return "strict, unconfined or custom"
        default: return "\(type)"
        }
    }
}
