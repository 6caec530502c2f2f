import Foundation
import Isol8Core

/// The current code and knobs written out for someone else to run: as an `isol8 run` command
/// line, as a `curl` request for `POST /execute`, or as Swift for `DockerEngine` (or
/// `RemoteEngine` when the target is an isol8 server). Secret values never appear: the shell
/// forms and the Swift read them, and the server's key, from the environment.
public enum RunExport {
    public enum Format: String, CaseIterable, Sendable {
        case cli, curl, swift
    }

    /// The text for `format`; `request` is the prepared request (the code read from its file),
    /// needed by the curl and Swift forms.
    static func text(_ format: Format, spec: RunSpec, request: ExecutionRequest, target: Target? = nil) throws -> String {
        switch format {
        case .cli: return RunCommandLine.text(spec)
        case .curl: return try curl(spec, request: request)
        case .swift: return try swift(spec, request: request, target: target)
        }
    }

    /// `curl … -d '{"request":…,"options":…}'` against `$ISOL8_HOST` (default localhost:3000).
    private static func curl(_ spec: RunSpec, request: ExecutionRequest) throws -> String {
        var body: [String: Any] = ["request": try jsonObject(request)]
        let options = requestOptions(spec.options)
        if !options.isEmpty { body["options"] = options }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes]),
                          as: UTF8.self)
        return [#"curl -sS -X POST "${ISOL8_HOST:-http://localhost:3000}/execute""#,
                #"-H "Authorization: Bearer $ISOL8_API_KEY""#, "-H 'Content-Type: application/json'",
                "-d " + ShellWord.quote(json)].joined(separator: " \\\n  ")
    }

    /// The changed options at their request paths (`{"memoryLimit":"64m","networkFilter":{…}}`).
    /// Secrets are left out: their values stay in the TUI.
    static func requestOptions(_ options: Isol8Options) -> [String: Any] {
        var out: [String: Any] = [:]
        for option in OptionCatalog.all where option.isEngineOption {
            guard let path = option.requestPath, let json = json(option.value(in: options)),
                  option.value(in: options) != option.defaultValue else { continue }
            out = setting(path[...], to: json, in: out)
        }
        return out
    }

    /// A Swift program that runs the same thing on the local Docker daemon, or on the isol8
    /// server the target names.
    private static func swift(_ spec: RunSpec, request: ExecutionRequest, target: Target?) throws -> String {
        var lines = ["import Foundation", "import Isol8Core", "", "var options = Isol8Options()"]
        let filter = spec.options.networkFilter
        for option in OptionCatalog.all where option.isEngineOption && !option.key.hasPrefix("networkFilter.") {
            let value = option.value(in: spec.options)
            guard value != option.defaultValue else { continue }
            lines.append(swiftAssignment(option, value))
        }
        if let filter, !(filter.whitelist.isEmpty && filter.blacklist.isEmpty) {
            lines.append("options.networkFilter = NetworkFilter(whitelist: \(swiftLiteral(filter.whitelist)), "
                         + "blacklist: \(swiftLiteral(filter.blacklist)))")
        }
        let requestJSON = String(decoding: try JSONEncoder.sorted.encode(request), as: UTF8.self)
        lines += [
            "let request = try JSONDecoder().decode(ExecutionRequest.self, from: Data(\(swiftLiteral(requestJSON)).utf8))",
            engineLine(target),
            "try await engine.start()",
            "let result = try await engine.execute(request)",
            "print(result.stdout, terminator: \"\")",
            "FileHandle.standardError.write(Data(result.stderr.utf8))",
            "await engine.stop()",
            "exit(Int32(result.exitCode))",
        ]
        return lines.joined(separator: "\n")
    }

    private static func engineLine(_ target: Target?) -> String {
        guard case .server(let url, _, let session)? = target?.kind else { return "let engine = try DockerEngine(options: options)" }
        return "let engine = try RemoteEngine(host: \(swiftLiteral(url)), apiKey: ProcessInfo.processInfo.environment[\"ISOL8_API_KEY\"] ?? \"\", "
            + "sessionId: \(session.map(swiftLiteral) ?? "nil"), options: options)"
    }

    private static func swiftAssignment(_ option: CatalogOption, _ value: OptionValue) -> String {
        let target = "options." + option.key
        switch (option.key, value, option.kind) {
        case ("mode", .toggle(let on), _): return "\(target) = .\(on ? "persistent" : "ephemeral")"
        case (_, .text(let text), .choice): return "\(target) = .\(text)"
        case (_, .pairs(let pairs), _):
            let entries = pairs.keys.sorted().map { "\(swiftLiteral($0)): ProcessInfo.processInfo.environment[\(swiftLiteral($0))] ?? \"\"" }
            return "\(target) = [\(entries.joined(separator: ", "))]"
        case (_, .toggle(let on), _): return "\(target) = \(on)"
        case (_, .integer(let n), _): return "\(target) = \(n)"
        case (_, .number(let x), _): return "\(target) = \(JSNumber.text(x))"
        case (_, .size(let size), _): return "\(target) = \(swiftLiteral(size.text))"
        case (_, .text(let text), _): return "\(target) = \(swiftLiteral(text))"
        case (_, .list(let items), _): return "\(target) = \(swiftLiteral(items))"
        default: return "// \(option.key) = \(option.display(value)) (set it in isol8.config.json)"
        }
    }

    private static func json(_ value: OptionValue) -> Any? {
        switch value {
        case .toggle, .integer, .number, .size, .text, .list: return ConfigPrinter.jsonValue(value)
        default: return nil  // secrets, pool sizes, images: not request options a copy should carry
        }
    }

    private static func setting(_ path: ArraySlice<String>, to value: Any, in object: [String: Any]) -> [String: Any] {
        guard let key = path.first else { return object }
        var object = object
        object[key] = path.count == 1 ? value : setting(path.dropFirst(), to: value, in: object[key] as? [String: Any] ?? [:])
        return object
    }

    private static func jsonObject(_ request: ExecutionRequest) throws -> Any {
        try JSONSerialization.jsonObject(with: JSONEncoder.sorted.encode(request))
    }

    private static func swiftLiteral(_ items: [String]) -> String {
        "[" + items.map(swiftLiteral).joined(separator: ", ") + "]"
    }

    /// A Swift string literal: quotes, backslashes and control characters escaped.
    static func swiftLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

private extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
