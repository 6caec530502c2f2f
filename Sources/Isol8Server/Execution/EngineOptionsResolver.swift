import Foundation
import Isol8Core

/// Engine options for one request (compat §6.3, §5.4): server config first, then the
/// request's `options`, then what the server always decides itself — `mode` from the
/// session id, `audit`, pool settings and `remoteCode` from the config.
struct EngineOptionsResolver: Sendable {
    let config: Isol8Config
    /// Where package installs come from: the config's `packages` under the environment's.
    let packageIndex: PackageIndex

    /// `limits`: the server's Docker host, so a request cannot ask for more than it has.
    func resolve(requestOptions: [String: Any]?, sessionId: String?, limits: TargetLimits?) throws -> Isol8Options {
        var options = Isol8Options()
        // The config's values first (compat §5.4: also readonlyRootFs, security and the filter).
        for option in OptionCatalog.all where option.isEngineOption {
            if let value = option.value(in: config), option.configKey != nil { option.apply(value, to: &options) }
        }
        if let given = requestOptions { try apply(given, to: &options, limits: limits) }

        options.mode = sessionId == nil ? .ephemeral : .persistent
        options.audit = config.audit
        options.poolStrategy = config.poolStrategy
        options.poolSize = config.poolSize
        options.debug = false
        // compat §5.4: a client may not loosen the server's code-fetching policy.
        options.remoteCode = config.remoteCode
        // A client must not send the server's package installs elsewhere either.
        options.packageIndex = packageIndex
        return options
    }

    /// Request options over the config's: an object such as `networkFilter` replaces the
    /// config's whole (its missing members take their defaults), as isol8's spread does.
    /// Options without a request field (mode, pool, audit, remoteCode, debug, the seccomp
    /// profile path on the server's disk) are the server's to decide and are ignored.
    private func apply(_ given: [String: Any], to options: inout Isol8Options, limits: TargetLimits?) throws {
        for option in OptionCatalog.all {
            guard let path = option.requestPath, let top = given[path[0]] else { continue }
            let name = option.requestName ?? option.key
            var json: Any? = top
            if path.count == 2 {
                guard let object = top as? [String: Any] else {
                    throw OptionError(name: "options." + path[0], value: "\(top)", problem: .wrongType(expected: "an object"))
                }
                json = object[path[1]]
            }
            guard let json else {
                option.apply(option.value(in: Isol8Options()), to: &options)
                continue
            }
            do {
                option.apply(try option.decode(json, limits: limits), to: &options)
            } catch let problem as OptionProblem {
                throw OptionError(name: name, value: "\(json)", problem: problem)
            }
        }
    }
}
