import Foundation
import NetworkPolicy

/// What values an option takes and the bounds that refuse the rest. Text comes from flags,
/// `:set` knobs and the environment; JSON from config files and request `options`.
public enum OptionKind: Sendable {
    /// On or off; `on`/`off` are how the two states are shown (`persistent`/`ephemeral`).
    case toggle(on: String, off: String)
    /// A whole number in `range`, counted in `unit`.
    case integer(ClosedRange<Int>, unit: String)
    /// CPU cores: at least 0.01 (Docker's floor), at most what the target has.
    case cpus
    /// A Docker-style size of at least `minimum`; with `memoryBound`, at most the target's memory.
    case size(minimum: Int64, memoryBound: Bool)
    /// A byte count written as a number or a size (`1048576`, `64k`).
    case byteCount(ClosedRange<Int64>)
    case choice([String])
    /// An image reference, or `default` / null for the runtime's own image.
    case imageReference
    /// Free text, or nothing.
    case text
    /// A list of strings.
    case strings
    /// Host patterns: POSIX extended regexes, as the proxy compiles them.
    case hostPatterns
    /// `NAME:IP` entries for the container's /etc/hosts.
    case hostEntries
    /// `KEY=VALUE` environment variables whose values are masked.
    case secrets
    /// A number, or `{"clean": n, "dirty": n}`.
    case poolSize
    /// `[{"tag", "runtime", "installPackages", "setupScript"?}]`.
    case prebuiltImages
    /// `{"NAME": {"docker": "tcp://…", "certPath"?, "tlsVerify"?} | {"server": "http://…", "key"?}}`.
    case targets

    static let booleanWords: [String: Bool] = ["on": true, "true": true, "yes": true, "1": true,
                                               "off": false, "false": false, "no": false, "0": false]

    /// A toggle's text as on (true) or off (false); nil when it is neither.
    public func booleanValue(_ text: String) -> Bool? {
        guard case .toggle(let on)? = try? parse(text) else { return nil }
        return on
    }

    /// Values offered by completion.
    public var choices: [String] {
        switch self {
        case .toggle: return ["on", "off"]
        case .choice(let values): return values
        default: return []
        }
    }

    /// Whether a flag of this kind may be given more than once, each adding an item.
    public var isRepeatable: Bool {
        switch self {
        case .strings, .hostPatterns, .hostEntries, .secrets: return true
        default: return false
        }
    }

    // MARK: Text

    /// Reads values given as text; list kinds take each text as one item.
    public func parse(_ texts: [String]) throws -> OptionValue {
        if isRepeatable { return try items(texts) }
        return try parse(texts.last ?? "")
    }

    /// Reads one value given as text.
    public func parse(_ text: String) throws -> OptionValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch self {
        case .toggle(let on, let off):
            let word = trimmed.lowercased()
            if let value = Self.booleanWords[word] { return .toggle(value) }
            if word == on.lowercased() || word == off.lowercased() { return .toggle(word == on.lowercased()) }
            throw OptionProblem.malformed("use on or off")
        case .integer(_, let unit):
            guard let n = Int(trimmed) else { throw OptionProblem.malformed("not a whole number of \(unit)") }
            return .integer(n)
        case .cpus:
            guard let cores = Double(trimmed), cores.isFinite else { throw OptionProblem.malformed("not a number of CPU cores; use e.g. 0.5 or 2") }
            return .number(cores)
        case .size:
            return .size(try Self.size(trimmed))
        case .byteCount:
            if let n = Int64(trimmed) { return .size(ByteSize(bytes: n)) }
            guard let size = try? ByteSize(trimmed) else { throw OptionProblem.malformed("not a byte count; use e.g. 1048576 or 64k") }
            return .size(size)
        case .choice(let values):
            guard let value = values.first(where: { $0 == trimmed }) ?? values.first(where: { $0 == trimmed.lowercased() }) else {
                throw OptionProblem.malformed("use " + Self.orList(values))
            }
            return .text(value)
        case .imageReference:
            return trimmed == "default" || trimmed.isEmpty ? .unset : .text(try Self.imageReference(trimmed))
        case .text:
            return trimmed.isEmpty ? .unset : .text(text)
        case .strings, .hostPatterns, .hostEntries, .secrets:
            return try items([text])
        case .poolSize:
            guard let n = Int(trimmed) else { throw OptionProblem.malformed("use a number of containers") }
            return try poolSize(clean: n, dirty: n)
        case .prebuiltImages, .targets:
            throw OptionProblem.malformed("set it in the config file")
        }
    }

    private func items(_ texts: [String]) throws -> OptionValue {
        switch self {
        case .hostPatterns:
            for pattern in texts { try Self.hostPattern(pattern) }
            return .list(texts)
        case .hostEntries:
            for entry in texts { try Self.hostEntry(entry) }
            return .list(texts)
        case .secrets:
            var pairs: [String: String] = [:]
            for entry in texts {
                let (key, value) = try Self.secret(entry)
                pairs[key] = value
            }
            return .pairs(pairs)
        default:
            return .list(texts)
        }
    }

    // MARK: JSON

    /// Reads a value from JSON (a config file, a request's `options`).
    public func decode(_ json: Any) throws -> OptionValue {
        switch self {
        case .toggle:
            guard Self.isBool(json), let flag = json as? Bool else { throw OptionProblem.wrongType(expected: "a boolean (true or false)") }
            return .toggle(flag)
        case .integer:
            guard !Self.isBool(json), let number = json as? NSNumber, number.doubleValue == number.doubleValue.rounded(),
                  abs(number.doubleValue) < 9e15 else {
                throw OptionProblem.wrongType(expected: "a whole number")
            }
            return .integer(number.intValue)
        case .cpus:
            guard !Self.isBool(json), let number = json as? NSNumber else { throw OptionProblem.wrongType(expected: "a number") }
            return .number(number.doubleValue)
        case .size:
            guard let text = json as? String else { throw OptionProblem.wrongType(expected: "a string such as \"512m\"") }
            return .size(try Self.size(text))
        case .byteCount:
            if !Self.isBool(json), let number = json as? NSNumber, number.doubleValue == number.doubleValue.rounded() {
                return .size(ByteSize(bytes: number.int64Value))
            }
            guard let text = json as? String else { throw OptionProblem.wrongType(expected: "a number of bytes") }
            return try parse(text)
        case .choice(let values):
            // A string reads as text does, so a bad one is refused in the same words everywhere.
            guard let text = json as? String else {
                throw OptionProblem.wrongType(expected: "one of " + values.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            return try parse(text)
        case .imageReference:
            if json is NSNull { return .unset }
            guard let text = json as? String else { throw OptionProblem.wrongType(expected: "a string") }
            return try parse(text)
        case .text:
            if json is NSNull { return .unset }
            guard let text = json as? String else { throw OptionProblem.wrongType(expected: "a string") }
            return .text(text)
        case .strings, .hostPatterns, .hostEntries:
            if json is NSNull { return .list([]) }
            guard let array = json as? [Any], let texts = array as? [String], texts.count == array.count else {
                throw OptionProblem.wrongType(expected: "an array of strings")
            }
            return try items(texts)
        case .secrets:
            guard let object = json as? [String: Any], let pairs = object as? [String: String], pairs.count == object.count else {
                throw OptionProblem.wrongType(expected: "an object of string values")
            }
            return try items(pairs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        case .poolSize:
            if !Self.isBool(json), let number = json as? NSNumber { return try poolSize(clean: number.intValue, dirty: number.intValue) }
            guard let object = json as? [String: Any], let clean = object["clean"] as? NSNumber, let dirty = object["dirty"] as? NSNumber,
                  !Self.isBool(clean), !Self.isBool(dirty) else {
                throw OptionProblem.wrongType(expected: "a number or {\"clean\": n, \"dirty\": n}")
            }
            return try poolSize(clean: clean.intValue, dirty: dirty.intValue)
        case .prebuiltImages:
            return .images(try Self.prebuiltImages(json))
        case .targets:
            return .targets(try Self.targets(json))
        }
    }

    // MARK: Bounds

    /// Refuses a value outside the option's bounds; `limits` adds the target's own.
    public func check(_ value: OptionValue, limits: TargetLimits?) throws {
        switch (self, value) {
        case (.integer(let range, let unit), .integer(let n)):
            guard range.contains(n) else {
                throw OptionProblem.outOfRange("\(n) is out of range; use \(range.lowerBound) to \(range.upperBound) \(unit)")
            }
        case (.cpus, .number(let cores)):
            guard cores >= 0.01 else { throw OptionProblem.outOfRange("use at least 0.01 CPU cores (Docker's minimum)") }
            if let limits, cores > Double(limits.cpus) {
                throw OptionProblem.outOfRange("the Docker host has \(limits.cpus) CPUs; use 0.01 to \(limits.cpus)")
            }
        case (.size(let minimum, let memoryBound), .size(let size)):
            guard size.bytes >= minimum else {
                throw OptionProblem.outOfRange("below the minimum of \(ByteSize(bytes: minimum).text)")
            }
            if memoryBound, let limits, size.bytes > limits.memoryBytes {
                throw OptionProblem.outOfRange("the Docker host has \(ByteSize(bytes: limits.memoryBytes / (1 << 20) * (1 << 20)).text) of memory; use less")
            }
        case (.byteCount(let range), .size(let size)):
            guard range.contains(size.bytes) else {
                throw OptionProblem.outOfRange("\(size.bytes) bytes is out of range; use \(range.lowerBound) to \(ByteSize(bytes: range.upperBound).text)")
            }
        default:
            break
        }
    }

    // MARK: Readers

    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private static func size(_ text: String) throws -> ByteSize {
        do {
            return try ByteSize(text)
        } catch {
            throw OptionProblem.sizeFormat(text)
        }
    }

    private func poolSize(clean: Int, dirty: Int) throws -> OptionValue {
        guard (0...64).contains(clean), (0...64).contains(dirty) else { throw OptionProblem.outOfRange("use 0 to 64 containers") }
        return .pool(PoolSize(clean: clean, dirty: dirty))
    }

    private static func prebuiltImages(_ json: Any) throws -> [Isol8Config.PrebuiltImage] {
        let shape = OptionProblem.wrongType(expected: "an array of {\"tag\", \"runtime\", \"installPackages\", \"setupScript\"?}")
        guard let items = json as? [[String: Any]] else { throw shape }
        return try items.map { item in
            guard let tag = item["tag"] as? String, let runtime = item["runtime"] as? String,
                  let packages = item["installPackages"] as? [String] else { throw shape }
            return .init(tag: tag, runtime: runtime, installPackages: packages, setupScript: item["setupScript"] as? String)
        }
    }

    private static func targets(_ json: Any) throws -> [Target] {
        let shape = OptionProblem.wrongType(expected: "an object of {\"docker\": \"tcp://HOST:PORT\", \"certPath\"?, \"tlsVerify\"?} "
            + "or {\"server\": \"http://HOST:PORT\", \"key\"?}")
        guard let object = json as? [String: Any] else { throw shape }
        return try object.keys.sorted().map { name in
            guard let entry = object[name] as? [String: Any] else { throw shape }
            if let url = entry["server"] as? String {
                return Target(name: name, kind: .server(url: url, key: entry["key"] as? String), origin: .config)
            }
            guard let host = entry["docker"] as? String else { throw shape }
            let tls = (entry["certPath"] as? String).map { DockerTLS(directory: $0, verify: entry["tlsVerify"] as? Bool ?? true) }
            do {
                return Target(name: name, kind: .docker(try DockerEndpoint.parse(host, tls: tls)), origin: .config)
            } catch {
                throw OptionProblem.malformed("target \(name): \(error)")
            }
        }
    }

    private static func imageReference(_ text: String) throws -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:/@-")
        guard text.allSatisfy({ allowed.contains($0) }), text.first?.isLetter == true || text.first?.isNumber == true else {
            throw OptionProblem.malformed("not an image reference; use e.g. isol8:python, or default")
        }
        return text
    }

    private static func hostPattern(_ pattern: String) throws {
        guard !pattern.isEmpty else { throw OptionProblem.malformed("give a host pattern, e.g. ^api\\.example\\.com$") }
        do {
            _ = try NetworkRules.validated(whitelist: [pattern], blacklist: [])
        } catch let error as InvalidPatternError {
            throw OptionProblem.malformed("\(error.message) — patterns are POSIX extended regexes, e.g. ^api\\.example\\.com$")
        }
    }

    private static func hostEntry(_ entry: String) throws {
        let parts = entry.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw OptionProblem.malformed("use NAME:IP, e.g. allowed.test:172.17.0.1")
        }
    }

    private static func secret(_ entry: String) throws -> (String, String) {
        guard let eq = entry.firstIndex(of: "="), eq != entry.startIndex else {
            throw OptionProblem.malformed("use KEY=VALUE, e.g. TOKEN=abc")
        }
        let key = String(entry[..<eq]), value = String(entry[entry.index(after: eq)...])
        guard key.first.map({ $0 == "_" || $0.isLetter }) == true,
              key.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
            throw OptionProblem.malformed("\"\(key)\" is not an environment variable name; use letters, digits and _")
        }
        guard !value.isEmpty else { throw OptionProblem.malformed("\(key) needs a value after =") }
        return (key, value)
    }

    static func orList(_ values: [String]) -> String {
        values.count < 2 ? values.joined() : values.dropLast().joined(separator: ", ") + " or " + values.last!
    }
}
