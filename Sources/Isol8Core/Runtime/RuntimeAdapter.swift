/// How one runtime turns code into a command line (compat §1.8).
public struct RuntimeAdapter: Sendable {
    public let runtime: Runtime
    public let image: String
    public let defaultExtension: String

    /// argv running inline code, or nil when the runtime needs a file (deno).
    public func inlineCommand(_ code: String) -> [String]? {
        switch runtime {
        case .python: return ["python3", "-c", code]
        case .node: return NodeModuleSyntax.isModule(code) ? ["node", "--input-type=module", "-e", code] : ["node", "-e", code]
        case .bun: return ["bun", "-e", code]
        case .bash: return ["bash", "-c", code]
        case .deno: return nil
        case .agent: return ["bash", "-c", code]
        }
    }

    /// The extension of the file `code` is written to: the one asked for (the user's file
    /// name), else the runtime's default. Node 18 decides between module and CommonJS by
    /// the extension alone, so node code gets `.mjs` when it is module syntax and `.cjs`
    /// otherwise, unless its own file said `.mjs` or `.cjs`.
    public func fileExtension(for code: String, requested: String?) -> String {
        guard runtime == .node, requested != ".mjs", requested != ".cjs" else { return requested ?? defaultExtension }
        return NodeModuleSyntax.isModule(code) ? ".mjs" : ".cjs"
    }

    public func fileCommand(_ path: String) -> [String] {
        switch runtime {
        case .python: return ["python3", path]
        case .node: return ["node", path]
        case .bun: return ["bun", "run", path]
        case .deno:
            return ["deno", "run", "--allow-read=/sandbox,/tmp", "--allow-write=/sandbox,/tmp", "--allow-env", "--allow-net", path]
        case .bash: return ["bash", path]
        case .agent: return ["bash", path]
        }
    }
}

/// The adapters in registration order, with extension detection.
public enum RuntimeRegistry {
    public static func adapter(for runtime: Runtime) -> RuntimeAdapter {
        RuntimeAdapter(runtime: runtime, image: "isol8:\(runtime.rawValue)", defaultExtension: defaultExtensions[runtime]!)
    }

    static let defaultExtensions: [Runtime: String] = [
        .python: ".py", .node: ".mjs", .bun: ".ts", .deno: ".mts", .bash: ".sh", .agent: ".txt",
    ]

    /// Extension table built in registration order (later registrations win).
    static let extensions: [(String, Runtime)] = [
        (".py", .python), (".mjs", .node), (".js", .node), (".cjs", .node),
        (".ts", .bun), (".sh", .bash), (".mts", .deno), (".txt", .agent),
    ]

    public static var knownExtensions: [String] { extensions.map(\.0) }

    /// Runtime from the text after the file name's last dot.
    public static func detect(_ filename: String) throws -> Runtime {
        guard let dot = filename.lastIndex(of: ".") else { throw Isol8Error.undetectableRuntime(filename) }
        let ext = String(filename[dot...])
        guard let match = extensions.last(where: { $0.0 == ext }) else { throw Isol8Error.undetectableRuntime(filename) }
        return match.1
    }
}
