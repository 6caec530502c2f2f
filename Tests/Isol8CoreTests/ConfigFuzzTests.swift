import Foundation
import Isol8TestSupport
import XCTest
@testable import Isol8Core

/// Seeded fuzzing of `isol8.config.json` loading: whatever a file holds, loading gives a config
/// or a `ConfigError` (never another error, a crash or a hang); a syntax error names its line
/// and column; a file of valid JSON is never called unparsable.
final class ConfigFuzzTests: XCTestCase {
    private var file: URL!

    override func setUpWithError() throws {
        file = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-config-fuzz-\(UUID().uuidString).json")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: file)
    }

    private static let configKeys = OptionCatalog.all.compactMap(\.configKey) + ["tui.keys.run", "$schema", "defaults.unknownKey", "nope"]

    /// Values of every JSON type, valid and invalid for the keys they land on.
    private func value(_ random: inout SeededRandom, depth: Int = 0) -> Any {
        switch Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &random) {
        case 0: return random.oneIn(2)
        case 1: return [0, 1, -1, 3, 512, 30_000, 2_147_483_648, Int.max, Int.min].randomElement(using: &random)!
        case 2: return [0.5, -2.5, 1e300, 1.0, 1e-9].randomElement(using: &random)!
        case 3: return ["512m", "1g", "lots", "", "none", "filtered", "host", "strict", "unconfined", "isol8:*", "^a$", "(", "é\u{0}", "tcp://127.0.0.1:1"]
            .randomElement(using: &random)!
        case 4: return NSNull()
        case 5: return (0..<Int.random(in: 0...3, using: &random)).map { _ in value(&random, depth: depth + 1) }
        default:
            var object: [String: Any] = [:]
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                object[["tag", "runtime", "installPackages", "setupScript", "docker", "server", "key", "certPath", "x"].randomElement(using: &random)!]
                    = value(&random, depth: depth + 1)
            }
            return object
        }
    }

    /// A syntactically valid config: known (and some unknown) keys, nested into their sections.
    private func validConfig(_ random: inout SeededRandom) throws -> [UInt8] {
        var root: [String: Any] = [:]
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            let parts = Self.configKeys.randomElement(using: &random)!.split(separator: ".").map(String.init)
            var node = value(&random)
            for part in parts.dropFirst().reversed() { node = [part: node] }
            if var section = root[parts[0]] as? [String: Any], let inner = node as? [String: Any] {
                section.merge(inner) { _, new in new }
                root[parts[0]] = section
            } else {
                root[parts[0]] = node
            }
        }
        return Array(try JSONSerialization.data(withJSONObject: root, options: random.oneIn(2) ? [.prettyPrinted] : []))
    }

    private enum Outcome { case loaded, refused(ConfigError) }

    private func load(_ bytes: [UInt8]) throws -> Outcome {
        try Data(bytes).write(to: file)
        do {
            _ = try ConfigLoader().load(path: file.path)
            return .loaded
        } catch let error as ConfigError {
            return .refused(error)
        } catch {
            throw Fuzz.Violation("untyped error \(error) for \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    func testAnyFileLoadsOrGivesAConfigError() {
        let special = Array("{}[],:\"\\-.e0123456789 \ntrufalsn".utf8) + [0, 0xC3, 0xFF]
        let placed = try! NSRegularExpression(pattern: #" at line \d+, column \d+$"#)
        Fuzz.run("ConfigLoader", cases: 2000) { random in
            let input: [UInt8]
            let validJSON: Bool
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                input = try validConfig(&random)
                validJSON = true
            case 1:
                input = Fuzz.bytes(Int.random(in: 0...200, using: &random), using: &random, favouring: special)
                validJSON = false
            default:
                input = Fuzz.mutate(try validConfig(&random), using: &random, inserting: special)
                validJSON = false
            }
            guard case .refused(let error) = try load(input), case .parse(_, let reason) = error else { return }
            let text = String(decoding: input, as: UTF8.self).debugDescription
            guard !validJSON else { throw Fuzz.Violation("valid JSON refused as unparsable (\(reason)): \(text)") }
            let whole = NSRange(reason.startIndex..., in: reason)
            guard reason == "the top level must be a JSON object" || placed.firstMatch(in: reason, range: whole) != nil else {
                throw Fuzz.Violation("a syntax error without its line and column (\(reason)): \(text)")
            }
        }
    }

    /// Found by the fuzzer: valid JSON that is not an object got Foundation's words about
    /// "fragments" instead of the loader's own.
    func testAFileHoldingOnlyAValueSaysTheTopLevelMustBeAnObject() throws {
        for text in ["6", "\"text\"", "null", "[1]"] {
            guard case .refused(let error) = try load(Array(text.utf8)) else { return XCTFail("\(text) loaded") }
            XCTAssertEqual(error, .parse(path: file.path, reason: "the top level must be a JSON object"), text)
        }
    }

    /// Found by the fuzzer: a number too large for a Double got Foundation's words without a place.
    func testANumberOutOfRangeIsNamedWithItsLineAndColumn() throws {
        guard case .refused(let error) = try load(Array("{\n  \"poolSize\": 1e+340}".utf8)) else { return XCTFail("1e+340 loaded") }
        XCTAssertEqual(error, .parse(path: file.path, reason: "number 1e+340 is out of range at line 2, column 15"))
    }
}
