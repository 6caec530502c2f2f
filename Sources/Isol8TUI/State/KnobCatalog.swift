import Isol8Core

/// Every `:set` knob, with the validation that refuses a bad value before any run sees it.
/// Limits follow the `isol8 run` flags; the messages name the knob and a value that works.
public enum KnobCatalog {
    /// The knobs in the order help and completion list them.
    public static let all: [Knob] = [
        Knob("memory", key: "memoryLimit", valueHint: "SIZE such as 32m or 1g") { value, knobs in
            let text = try size(value, knob: "memory", minimum: 6 << 20, minimumText: "6m (Docker's floor)")
            knobs.setOption("memoryLimit", value: text) { $0.memoryLimit = text }
        },
        Knob("net", key: "network", valueHint: "none, host or filtered", choices: NetworkMode.allCases.map(\.rawValue)) { value, knobs in
            guard let mode = NetworkMode(rawValue: value.lowercased()) else {
                throw KnobError("net: \"\(value)\" is not a network mode; use none, host or filtered")
            }
            knobs.setOption("network", value: mode.rawValue) { $0.network = mode }
        },
        Knob("timeout", key: "timeoutMs", valueHint: "milliseconds such as 5000") { value, knobs in
            let ms = try positiveInt(value, knob: "timeout", unit: "milliseconds such as 5000")
            knobs.setOption("timeoutMs", value: String(ms)) { $0.timeoutMs = ms }
        },
        Knob("cpu", key: "cpuLimit", valueHint: "cores such as 0.5") { value, knobs in
            guard let cores = Double(value), cores > 0, cores.isFinite else {
                throw KnobError("cpu: \"\(value)\" is not a positive number of cores; use e.g. 0.5 or 2")
            }
            knobs.setOption("cpuLimit", value: KnobState.number(cores)) { $0.cpuLimit = cores }
        },
        Knob("pids", key: "pidsLimit", valueHint: "processes such as 64") { value, knobs in
            let pids = try positiveInt(value, knob: "pids", unit: "processes such as 64")
            knobs.setOption("pidsLimit", value: String(pids)) { $0.pidsLimit = pids }
        },
        Knob("max-output", key: "maxOutputSize", valueHint: "bytes or SIZE such as 64k") { value, knobs in
            let bytes: Int
            if let n = Int(value) {
                bytes = n
            } else if let parsed = try? MemoryLimit.parse(value) {
                bytes = Int(parsed)
            } else {
                throw KnobError("max-output: \"\(value)\" is not a byte count; use e.g. 1048576 or 64k")
            }
            guard bytes > 0 else { throw KnobError("max-output: must be at least 1 byte") }
            knobs.setOption("maxOutputSize", value: String(bytes)) { $0.maxOutputSize = bytes }
        },
        Knob("sandbox-size", key: "sandboxSize", valueHint: "SIZE such as 512m") { value, knobs in
            let text = try size(value, knob: "sandbox-size", minimum: 1, minimumText: "1 byte")
            knobs.setOption("sandboxSize", value: text) { $0.sandboxSize = text }
        },
        Knob("tmp-size", key: "tmpSize", valueHint: "SIZE such as 256m") { value, knobs in
            let text = try size(value, knob: "tmp-size", minimum: 1, minimumText: "1 byte")
            knobs.setOption("tmpSize", value: text) { $0.tmpSize = text }
        },
        Knob("persist", key: "persist", valueHint: "on or off", choices: switchChoices) { value, knobs in
            let on = try toggle(value, knob: "persist")
            knobs.setOption("persist", value: String(on)) { $0.persist = on }
        },
        Knob("persistent", key: "mode", valueHint: "on or off", choices: switchChoices) { value, knobs in
            let mode: Isol8Mode = try toggle(value, knob: "persistent") ? .persistent : .ephemeral
            knobs.setOption("mode", value: mode.rawValue) { $0.mode = mode }
        },
        Knob("stream", key: "stream", valueHint: "on or off", choices: switchChoices) { value, knobs in
            knobs.setStream(try toggle(value, knob: "stream"))
        },
        Knob("debug", key: "debug", valueHint: "on or off", choices: switchChoices) { value, knobs in
            let on = try toggle(value, knob: "debug")
            knobs.setOption("debug", value: String(on)) { $0.debug = on }
        },
        Knob("log-network", key: "logNetwork", valueHint: "on or off", choices: switchChoices) { value, knobs in
            let on = try toggle(value, knob: "log-network")
            knobs.setOption("logNetwork", value: String(on)) { $0.logNetwork = on }
        },
        Knob("image", key: "image", valueHint: "an image such as isol8:python, or default") { value, knobs in
            if value == "default" {
                knobs.setOption("image", value: "(none)") { $0.image = nil }
                return
            }
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:/@-")
            guard value.allSatisfy({ allowed.contains($0) }), value.first?.isLetter == true || value.first?.isNumber == true else {
                throw KnobError("image: \"\(value)\" is not an image reference; use e.g. isol8:python, or default")
            }
            knobs.setOption("image", value: value) { $0.image = value }
        },
        Knob("runtime", key: "runtime", valueHint: "python, node, bun, deno or bash",
             choices: Runtime.buildable.map(\.rawValue)) { value, knobs in
            guard let runtime = Runtime(rawValue: value.lowercased()), Runtime.buildable.contains(runtime) else {
                throw KnobError("runtime: \"\(value)\" is not a runtime; use python, node, bun, deno or bash")
            }
            knobs.setFlag("runtime", value: runtime.rawValue) { $0.runtime = runtime.rawValue }
        },
    ]

    /// The knob called `name` (exact, case-insensitive).
    public static func named(_ name: String) -> Knob? {
        all.first { $0.name == name.lowercased() }
    }

    static let switchChoices = ["on", "off"]

    private static func toggle(_ value: String, knob: String) throws -> Bool {
        switch value.lowercased() {
        case "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        default: throw KnobError("\(knob): \"\(value)\" is not on or off")
        }
    }

    private static func positiveInt(_ value: String, knob: String, unit: String) throws -> Int {
        guard let n = Int(value), n > 0 else {
            throw KnobError("\(knob): \"\(value)\" is not a positive whole number of \(unit)")
        }
        return n
    }

    private static func size(_ value: String, knob: String, minimum: Int64, minimumText: String) throws -> String {
        let text = value.lowercased()
        guard let bytes = try? MemoryLimit.parse(text) else {
            throw KnobError("\(knob): \"\(value)\" is not a size; use a number with k, m or g such as 32m")
        }
        guard bytes >= minimum else { throw KnobError("\(knob): \(value) is below the minimum of \(minimumText)") }
        return text
    }
}
