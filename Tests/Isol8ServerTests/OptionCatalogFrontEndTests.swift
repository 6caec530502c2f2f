import Foundation
import XCTest
import Isol8Core
import Isol8Flags
import Isol8TUI

/// One table over the option catalog: every option that `isol8 run`, the TUI's `:set` and
/// `POST /execute` all take is read, bounded and refused with the same words by each,
/// against a real server and the real daemon's limits.
final class OptionCatalogFrontEndTests: SharedServerTestCase {
    private var client: HTTPClient { HTTPClient(baseURL: server.baseURL) }

    /// Options all three front ends take.
    private var sharedOptions: [CatalogOption] {
        OptionCatalog.all.filter { $0.flag != nil && $0.knob != nil && $0.requestPath != nil }
    }

    /// A value each kind refuses, as text (flag, knob) and as JSON (request).
    private func badValue(for option: CatalogOption, limits: TargetLimits) -> (text: String, json: Any)? {
        switch option.kind {
        case .integer(let range, _): return (String(range.lowerBound - 1), range.lowerBound - 1)
        case .cpus: return (String(limits.cpus * 100), limits.cpus * 100)
        case .size(_, let memoryBound): return memoryBound ? ("100000g", "100000g") : ("lots", "lots")
        case .byteCount: return ("0", 0)
        case .choice: return ("bogus", "bogus")
        case .imageReference: return ("bad image", "bad image")
        default: return nil  // toggles are flags without a value
        }
    }

    func testEveryOptionIsRefusedWithTheSameWordsByTheCLITheTUIAndTheServer() async throws {
        let fetched = try await DockerClient.fromEnvironment().targetLimits()
        let limits = try XCTUnwrap(fetched, "the daemon reports NCPU and MemTotal")
        let cases = sharedOptions.compactMap { option in badValue(for: option, limits: limits).map { (option, $0) } }
        XCTAssertGreaterThanOrEqual(cases.count, 8, "the catalog's shared options: \(sharedOptions.map(\.key))")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-catalog-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }

        for (option, bad) in cases {
            let problem = try XCTUnwrap(problem(option, bad.text, limits: limits), "\(option.key) \(bad.text) should be refused")

            let cli = try CLIRun.run(["run", "-e", "print(1)", option.flag!, bad.text], home: empty)
            XCTAssertNotEqual(cli.status, 0, "\(option.key): \(cli.stdout)")
            XCTAssertTrue(cli.stderr.contains(problem), "\(option.flag!) \(bad.text): \(cli.stderr) lacks \(problem)")
            XCTAssertFalse(cli.stderr.contains("Fatal error"), cli.stderr)

            var knobs = KnobState(effective: try EffectiveConfig.resolve(ConfigLoader(directory: empty, home: empty).load(),
                                                                            flags: RunFlags(), environment: [:]),
                                  flags: RunFlags(), stream: true)
            knobs.limits = limits
            let knob = try XCTUnwrap(KnobCatalog.named(option.knob!))
            XCTAssertThrowsError(try knob.set(bad.text, on: &knobs), ":set \(option.knob!)") { error in
                XCTAssertTrue("\(error)".contains(problem), ":set \(option.knob!) \(bad.text): \(error) lacks \(problem)")
            }

            let reply = try await client.execute(["runtime": "python", "code": "print(1)"], options: requestOptions(option, bad.json))
            XCTAssertEqual(reply.status, 400, "\(option.requestName!): \(reply.text)")
            XCTAssertTrue(reply.text.contains(problem), "\(option.requestName!) \(bad.json): \(reply.text) lacks \(problem)")
        }
    }

    /// `--debug` is every command's flag, not an engine flag.
    func testEveryEngineFlagLandsUnderItsCatalogKey() throws {
        let options = OptionCatalog.all.filter { $0.flag != nil && $0.isEngineOption && $0.key != "debug" }
        let expected = Dictionary(uniqueKeysWithValues: options.map { option -> (String, [String]) in
            if case .toggle = option.kind { return (option.key, ["true"]) }
            return (option.key, ["value-of-\(option.key)"])
        })
        let arguments = options.flatMap { option in [option.flag!] + (expected[option.key] == ["true"] ? [] : expected[option.key]!) }
        XCTAssertEqual(try EngineFlags.parse(arguments).given, expected)
    }

    func testAGoodValueIsShownTheSameByConfigSourcesAndTheConfigPane() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-catalog-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let good: [String: String] = ["memoryLimit": "256M", "cpuLimit": "0.50", "timeoutMs": "7000", "network": "filtered",
                                      "pidsLimit": "32", "maxOutputSize": "64k", "sandboxSize": "64m", "tmpSize": "32m"]
        let arguments = good.flatMap { [OptionCatalog.option($0.key)!.flag!, $0.value] }
        let sources = try CLIRun.run(["config", "--sources"] + arguments, home: empty)
        XCTAssertEqual(sources.status, 0, sources.stderr)
        var knobs = KnobState(effective: try EffectiveConfig.resolve(ConfigLoader(directory: empty, home: empty).load(),
                                                                        flags: RunFlags(), environment: [:]),
                              flags: RunFlags(), stream: true)
        for (key, text) in good {
            let option = OptionCatalog.option(key)!
            try KnobCatalog.named(option.knob!)!.set(text, on: &knobs)
            let shown = try XCTUnwrap(knobs.effective.entry(key)?.value)
            let row = sources.stdout.split(separator: "\n").first { $0.hasPrefix(key + " ") }
            XCTAssertEqual(row?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init), shown,
                           "\(key): config --sources says \(row ?? "nothing"), the Config pane \(shown)")
        }
    }

    /// The catalog's own words for why `text` is refused.
    private func problem(_ option: CatalogOption, _ text: String, limits: TargetLimits) -> String? {
        do {
            _ = try option.parse([text], limits: limits)
            return nil
        } catch {
            return "\(error)"
        }
    }

    private func requestOptions(_ option: CatalogOption, _ json: Any) -> [String: Any] {
        let path = option.requestPath!
        return path.count == 1 ? [path[0]: json] : [path[0]: [path[1]: json]]
    }
}
