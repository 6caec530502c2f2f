import Foundation
import Isol8Core
import Isol8Flags
@testable import Isol8TUI

/// One real `isol8 run`, as `scripts/capture-diagnosis` stored it: the arguments, what the CLI
/// printed and the proxy's log.
struct RunCapture: Decodable {
    var args: [String]
    var exitCode: Int
    var stdout: String
    var stderr: String
    var network: [NetworkLogEntry]

    static func load(_ name: String) throws -> RunCapture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("DiagnosisCaptures").appendingPathComponent(name + ".json")
        return try JSONDecoder().decode(RunCapture.self, from: Data(contentsOf: url))
    }

    /// The arguments read by the same parser `isol8 run` and `isol8-tui` use.
    var options: RunOptions { get throws { try RunOptions.parse(args) } }

    /// The knobs the run had, resolved as the TUI resolves its command line.
    func knobs() throws -> KnobState {
        let parsed = try options
        return Fixture.knobs(parsed.flags, stream: !parsed.noStream)
    }

    /// The CLI prints the engine's `error` events as `[ERR] …` stderr lines; the TUI gets them
    /// as events. Everything else on stderr is the program's.
    var streamEvents: [StreamEvent] {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            line.hasPrefix("[ERR] ") ? StreamEvent(.error, String(line.dropFirst(6))) : StreamEvent(.stderr, line + "\n")
        }
    }

    /// What the classifier reads, built as the TUI builds it: stderr plus the engine's
    /// `--- … ---` notices that buffered runs put on stdout.
    func evidence() throws -> RunEvidence {
        let knobs = try knobs()
        let notices = stdout.split(separator: "\n").filter { $0.hasPrefix("--- ") && $0.hasSuffix(" ---") }
        var evidence = RunEvidence(exitCode: exitCode, errorText: ([stderr] + notices.map(String.init)).joined(separator: "\n"),
                                   options: knobs.options, runtime: knobs.runtime)
        evidence.network = network
        evidence.streamed = knobs.stream
        return evidence
    }
}
