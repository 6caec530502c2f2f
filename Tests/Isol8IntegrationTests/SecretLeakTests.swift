import XCTest
@testable import Isol8Core
import Isol8TestSupport

/// Secrets stay masked where the plain per-chunk masking let them through: in network logs, split
/// across stream chunks, and cut by the output cap.
final class SecretLeakTests: XCTestCase {
    private let secret = "sk-live-0123456789"

    func testSecretInAQueryStringIsMaskedInBufferedAndLiveNetworkLogs() async throws {
        let servers = try LocalServers()
        let code = """
        import os, urllib.request
        print(urllib.request.urlopen('http://allowed.test:\(servers.httpPort)/index.txt?key=' + os.environ['TOKEN'], timeout=10).status)
        """
        let buffered = try CLI.run(["run", "--no-stream", "--net", "filtered", "--log-network", "--secret", "TOKEN=\(secret)", "-e", code]
                                   + servers.hostFlags(["allowed.test"]))
        XCTAssertEqual(buffered.stdout, "200\n", buffered.stderr)
        XCTAssertTrue(buffered.stderr.contains(#""path":"/index.txt?key=***""#), buffered.stderr)
        XCTAssertFalse(buffered.stderr.contains(secret), buffered.stderr)

        var options = Isol8Options()
        options.network = .filtered
        options.logNetwork = true
        options.secrets = ["TOKEN": secret]
        options.extraHosts = ["allowed.test:\(servers.gateway)"]
        let engine = try DockerEngine(options: options)
        var events = [StreamEvent]()
        for try await event in engine.executeStream(ExecutionRequest(runtime: .python, code: code)) { events.append(event) }
        await engine.stop()
        let network = events.filter { $0.type == .network }.map(\.data)
        XCTAssertEqual(network.count, 1, "\(events)")
        XCTAssertTrue(network.first?.contains(#""path":"/index.txt?key=***""#) ?? false, "\(network)")
        XCTAssertFalse(events.contains { $0.data.contains(secret) }, "\(events)")
    }

    func testSecretPrintedAcrossTwoChunksNeverShowsInAnyEvent() async throws {
        var options = Isol8Options()
        options.secrets = ["TOKEN": secret]
        let engine = try DockerEngine(options: options)
        // The pause makes the two halves leave the container as separate chunks.
        let code = """
        import os, sys, time
        token = os.environ['TOKEN']
        sys.stdout.write('before ' + token[:8]); sys.stdout.flush()
        time.sleep(0.5)
        sys.stdout.write(token[8:] + ' after\\n'); sys.stdout.flush()
        """
        var events = [StreamEvent]()
        for try await event in engine.executeStream(ExecutionRequest(runtime: .python, code: code)) { events.append(event) }
        await engine.stop()
        let stdout = events.filter { $0.type == .stdout }.map(\.data)
        XCTAssertEqual(stdout.joined(), "before *** after\n", "\(stdout)")
        for event in stdout {
            XCTAssertFalse(event.contains(secret.prefix(4)) || event.contains(secret.suffix(4)), "part of the secret in \(stdout)")
        }
    }

    func testOutputCapCuttingThroughASecretLeavesNoPrefix() throws {
        let outcome = try CLI.run(["run", "--no-stream", "--max-output", "10", "--secret", "TOKEN=\(secret)",
                                   "-e", "import os\nprint(('12345' + os.environ['TOKEN']) * 3)"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("12345***12\n\n--- OUTPUT TRUNCATED"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("sk-"), outcome.stdout)
    }
}
