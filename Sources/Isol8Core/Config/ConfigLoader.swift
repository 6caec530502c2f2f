import Foundation
import NetworkPolicy

/// Finds, parses and checks `isol8.config.json` (compat §5.1–§5.3): wrong types are errors
/// naming the key, unknown keys are warnings naming the nearest known key.
public struct ConfigLoader: Sendable {
    public struct Loaded: Sendable {
        public var config: Isol8Config
        /// The file the values came from; nil when only defaults apply.
        public var path: String?
        /// Dotted keys the file set, for provenance.
        public var keysSet: Set<String>
        public var warnings: [String]
    }

    public var directory: String
    public var home: String

    public init(directory: String = FileManager.default.currentDirectoryPath,
                home: String = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) {
        self.directory = directory
        self.home = home
    }

    /// `./isol8.config.json`, then `~/.isol8/config.json`; the first that exists wins.
    public var candidates: [String] {
        [directory + "/isol8.config.json", home + "/.isol8/config.json"]
    }

    public func load() throws -> Loaded {
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return Loaded(config: Isol8Config(), path: nil, keysSet: [], warnings: [])
        }
        return try load(path: path)
    }

    public func load(path: String) throws -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError.unreadable(path)
        }
        let object: Any
        do {
            // Foundation's reader takes trailing commas and reports a cut-off file without a place.
            try JSONSyntax.check(String(decoding: data, as: UTF8.self))
            // Fragments too: a file holding only `6` is valid JSON, refused below for its type.
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch let error as JSONSyntax.Error {
            throw ConfigError.parse(path: path, reason: error.description)
        } catch {
            throw ConfigError.parse(path: path, reason: Self.describe(parseError: error, in: data))
        }
        guard let root = object as? [String: Any] else {
            throw ConfigError.parse(path: path, reason: "the top level must be a JSON object")
        }
        var loaded = Loaded(config: Isol8Config(), path: path, keysSet: [], warnings: [])
        try apply(root, prefix: "", to: &loaded)
        return loaded
    }

    private func apply(_ object: [String: Any], prefix: String, to loaded: inout Loaded) throws {
        for key in object.keys.sorted() {
            let dotted = prefix.isEmpty ? key : prefix + "." + key
            let value = object[key]!
            if dotted == "$schema" { continue }
            if let option = OptionCatalog.option(configKey: dotted) {
                do {
                    option.apply(try option.decode(value, limits: nil), to: &loaded.config)
                } catch OptionProblem.wrongType(let expected) {
                    throw ConfigError.wrongType(path: loaded.path ?? "", key: dotted, expected: expected, got: Self.describe(value))
                } catch let problem as OptionProblem {
                    throw ConfigError.invalidValue(path: loaded.path ?? "", key: dotted, problem: problem.description)
                }
                loaded.keysSet.insert(dotted)
            } else if OptionCatalog.configSections.contains(dotted) {
                guard let nested = value as? [String: Any] else {
                    throw ConfigError.wrongType(path: loaded.path ?? "", key: dotted, expected: "an object", got: Self.describe(value))
                }
                try apply(nested, prefix: dotted, to: &loaded)
            } else if dotted.hasPrefix("tui.keys.") {
                guard let text = value as? String else {
                    throw ConfigError.wrongType(path: loaded.path ?? "", key: dotted, expected: "a string", got: Self.describe(value))
                }
                loaded.config.tui[dotted.replacingOccurrences(of: "tui.", with: "")] = text
                loaded.keysSet.insert(dotted)
            } else {
                var warning = "Unknown config key \"\(dotted)\" in \(loaded.path ?? "config") (ignored)"
                if let near = OptionCatalog.nearestConfigKey(to: dotted) { warning += "; did you mean \"\(near)\"?" }
                loaded.warnings.append(warning)
            }
        }
    }

    /// How a wrong-typed JSON value reads in an error.
    static func describe(_ value: Any) -> String {
        if OptionKind.isBool(value) { return "a boolean (\(value))" }
        if value is NSNumber { return "a number (\(value))" }
        if let text = value as? String { return "a string (\"\(text)\")" }
        if value is [Any] { return "an array" }
        if value is [String: Any] { return "an object" }
        return "null"
    }

    /// Turns Foundation's "around character N" into a line and column.
    static func describe(parseError: Error, in data: Data) -> String {
        let text = (parseError as NSError).userInfo["NSDebugDescription"] as? String ?? "\(parseError)"
        guard let range = text.range(of: #"character (\d+)"#, options: .regularExpression),
              let offset = Int(text[range].dropFirst("character ".count)) else { return text }
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        let base = text.replacingOccurrences(of: #" around character \d+\.?"#, with: "", options: .regularExpression)
        return "\(base) at line \(line), column \(column)"
    }
}

public enum ConfigError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case unreadable(String)
    case parse(path: String, reason: String)
    case wrongType(path: String, key: String, expected: String, got: String)
    case invalidValue(path: String, key: String, problem: String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "Cannot read config file \(path)"
        case .parse(let path, let reason): return "Failed to parse config file \(path): \(reason)"
        case .wrongType(let path, let key, let expected, let got):
            return "Config file \(path): \"\(key)\" must be \(expected), got \(got)"
        case .invalidValue(let path, let key, let problem):
            return "Config file \(path): \"\(key)\": \(problem)"
        }
    }

    public var errorDescription: String? { description }
}
