import Foundation
import Isol8Core

/// Every `:set` knob: the catalog's options that have a knob name, checked and shown as the
/// CLI and the server check them, plus the request-level ones `isol8 run` takes as its own
/// flags (`runtime`, `workdir`, `files`, `setup`) and `stream`. Each request-level knob lands in
/// `RunFlags`, so `RunPreparation` turns it into the request exactly as it does the CLI's flag.
public enum KnobCatalog {
    /// The knobs in the order help and completion list them.
    public static let all: [Knob] = OptionCatalog.knobs.map(knob(for:)) + [
        Knob("stream", key: "stream", valueHint: "on or off", choices: ["on", "off"]) { value, knobs in
            guard let on = OptionKind.toggle(on: "on", off: "off").booleanValue(value) else {
                throw KnobError("stream \(value): use on or off")
            }
            knobs.setStream(on)
        },
        Knob("runtime", key: "runtime", valueHint: "python, node, bun, deno or bash",
             choices: Runtime.buildable.map(\.rawValue)) { value, knobs in
            guard let runtime = Runtime(rawValue: value.lowercased()), Runtime.buildable.contains(runtime) else {
                throw KnobError("runtime: \"\(value)\" is not a runtime; use python, node, bun, deno or bash")
            }
            knobs.setFlag("runtime", value: runtime.rawValue) { $0.runtime = runtime.rawValue }
        },
        Knob("workdir", key: "workdir", valueHint: "a directory inside /sandbox, or none") { value, knobs in
            let workdir = cleared(value)
            knobs.setFlag("workdir", value: workdir ?? "(none)") { $0.workdir = workdir }
        },
        Knob("files", key: "filesDir", valueHint: "a directory whose files are copied into /sandbox, or none") { value, knobs in
            let directory = cleared(value)
            if let directory {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw KnobError("files \(value): not a directory (the --files of isol8 run)")
                }
            }
            knobs.setFlag("filesDir", value: directory ?? "(none)") { $0.filesDir = directory }
        },
        Knob("setup", key: "setupScript", valueHint: "a shell script or a script file run before the code, or none") { value, knobs in
            let script = cleared(value)
            knobs.setFlag("setupScript", value: script ?? "(none)") { $0.setup = script.map { [$0] } ?? [] }
        },
    ]

    /// `none` (or nothing) clears a request-level knob.
    private static func cleared(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.lowercased() == "none" ? nil : trimmed
    }

    /// The knob called `name` (exact, case-insensitive).
    public static func named(_ name: String) -> Knob? {
        all.first { $0.name == name.lowercased() }
    }

    /// A catalog option as a knob: the value is read and bounded by the catalog, against the
    /// target's limits when they are known, and recorded with source `tui`.
    private static func knob(for option: CatalogOption) -> Knob {
        let name = option.knob ?? option.key
        return Knob(name, key: option.key, valueHint: option.hint, choices: option.kind.choices) { text, knobs in
            do {
                knobs.set(option, to: try option.parse([text], limits: knobs.limits))
            } catch let problem as OptionProblem {
                throw KnobError("\(name) \(text): \(problem)")
            }
        }
    }
}
