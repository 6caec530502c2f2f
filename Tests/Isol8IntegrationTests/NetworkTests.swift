import XCTest
@testable import Isol8Core
import Isol8TestSupport

/// Filtered networking against servers this test starts on the Docker bridge gateway.
/// Every name used is an `--add-host` entry, so nothing asks a DNS server.
final class NetworkTests: XCTestCase {
    private var servers: LocalServers!

    override func setUpWithError() throws {
        servers = try LocalServers()
    }

    override func tearDown() {
        servers = nil
    }

    private var hosts: [String] { servers.hostFlags(["allowed.test", "denied.test", "other.test"]) }

    /// Python that GETs each URL and prints `host status body-or-error`.
    private func fetchAll(_ names: [String]) -> String {
        let urls = names.map { "'http://\($0):\(servers.httpPort)/index.txt'" }.joined(separator: ", ")
        return """
        import urllib.request, urllib.error
        for url in [\(urls)]:
            host = url.split('/')[2].split(':')[0]
            try:
                r = urllib.request.urlopen(url, timeout=10); print(host, r.status, r.read().decode())
            except urllib.error.HTTPError as e: print(host, e.code, e.read().decode())
            except Exception as e: print(host, 'ERR', type(e).__name__)
        """
    }

    private func run(_ extra: [String], _ code: String) throws -> CLI.Outcome {
        try CLI.run(["run", "--no-stream", "--net", "filtered", "--timeout", "20000"] + hosts + extra + ["-e", code])
    }

    func testAllowedHostPassesAndIsLogged() throws {
        let outcome = try run(["--allow", #"^allowed\.test$"#, "--log-network"], fetchAll(["allowed.test"]))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "allowed.test 200 hello from the test server\n")
        let logLine = try XCTUnwrap(outcome.stderr.split(separator: "\n").first { $0.contains("allowed.test") })
        let entry = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(logLine.utf8)) as? [String: Any])
        XCTAssertEqual(entry["method"] as? String, "GET")
        XCTAssertEqual(entry["path"] as? String, "/index.txt")
        XCTAssertEqual(entry["action"] as? String, "ALLOW")
        XCTAssertNotNil(entry["durationMs"] as? Int)
        XCTAssertTrue(logLine.hasPrefix("{\"timestamp\":"), "field order of compat §3.6: \(logLine)")
        XCTAssertTrue(outcome.stderr.contains("--- Network Logs ---"))
    }

    func testDenyRuleBlocksAndShadowsAllow() throws {
        let outcome = try run(["--allow", #"\.test$"#, "--deny", #"^denied\."#, "--log-network"], fetchAll(["allowed.test", "denied.test"]))
        XCTAssertEqual(outcome.stdout, "allowed.test 200 hello from the test server\ndenied.test 403 isol8: request to denied.test blocked by network filter\n", outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains(#""host":"denied.test","path":"/index.txt","action":"BLOCK","durationMs":0"#), outcome.stderr)
    }

    func testDenyRulesHoldForEveryCaseAndNumericSpellingOfTheHost() throws {
        let octets = servers.gateway.split(separator: ".").compactMap { UInt32($0) }
        let number = octets.reduce(0) { $0 << 8 | $1 }
        let spellings = ["DENIED.test", "Denied.Test.", String(number), "0x" + String(number, radix: 16),
                         "\(octets[0]).\(octets[1]).\(octets[2] << 8 | octets[3])", "[::ffff:\(servers.gateway)]"]
        let urls = (["allowed.test"] + spellings).map { "'http://\($0):\(servers.httpPort)/index.txt'" }.joined(separator: ", ")
        let code = """
        import urllib.request, urllib.error
        for url in [\(urls)]:
            try:
                r = urllib.request.urlopen(url, timeout=10); print(r.status)
            except urllib.error.HTTPError as e: print(e.code, e.read().decode())
        """
        let gatewayRule = "^" + servers.gateway.replacingOccurrences(of: ".", with: "\\.") + "$"
        let outcome = try run(["--deny", #"^denied\.test$"#, "--deny", gatewayRule, "--log-network"], code)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let blocked = spellings.map { host -> String in
            let shown = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
            return "403 isol8: request to \(shown) blocked by network filter"
        }
        XCTAssertEqual(outcome.stdout, (["200"] + blocked).joined(separator: "\n") + "\n", outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains(#""host":"DENIED.test","path":"/index.txt","action":"BLOCK","durationMs":0,"matchedHost":"denied.test""#),
                      outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains(#""host":"0x\#(String(number, radix: 16))","path":"/index.txt","action":"BLOCK","durationMs":0,"matchedHost":"\#(servers.gateway)""#),
                      outcome.stderr)
    }

    func testAllowlistWithoutMatchBlocksAndEmptyAllowlistAllows() throws {
        let restricted = try run(["--allow", #"^allowed\.test$"#], fetchAll(["other.test"]))
        XCTAssertEqual(restricted.stdout, "other.test 403 isol8: request to other.test blocked by network filter\n", restricted.stderr)
        let open = try run([], fetchAll(["other.test"]))
        XCTAssertEqual(open.stdout, "other.test 200 hello from the test server\n", open.stderr)
    }

    func testConnectTunnelsBytesAndDeniedConnectIsRefused() throws {
        let code = """
        import socket
        def tunnel(host):
            s = socket.create_connection(('127.0.0.1', 8118), timeout=10)
            s.sendall(f'CONNECT {host}:\(servers.echoPort) HTTP/1.1\\r\\nHost: {host}\\r\\n\\r\\n'.encode())
            head = s.recv(4096).decode()
            if ' 200 ' not in head.split('\\r\\n')[0]:
                return head.split('\\r\\n')[0] + ' | ' + head.split('\\r\\n\\r\\n', 1)[-1]
            s.sendall(b'ping'); reply = s.recv(4096).decode(); s.close(); return 'tunnel ' + reply
        print(tunnel('allowed.test')); print(tunnel('denied.test'))
        """
        let outcome = try run(["--deny", #"^denied\.test$"#], code)
        XCTAssertEqual(outcome.stdout, "tunnel echo:ping\nHTTP/1.1 403 Forbidden | isol8: CONNECT to denied.test blocked by network filter\n", outcome.stderr)
    }

    func testSandboxUserCannotBypassTheProxy() throws {
        let code = """
        import socket, urllib.request
        try:
            socket.create_connection(('\(servers.gateway)', \(servers.httpPort)), timeout=3); print('tcp CONNECTED')
        except OSError as e: print('tcp blocked')
        for port in (\(servers.udpPort), 53):
            try:
                u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.sendto(b'leak', ('\(servers.gateway)', port)); print('udp sent')
            except OSError as e: print('udp blocked')
        try:
            socket.getaddrinfo('example.com', 80); print('dns RESOLVED')
        except OSError: print('dns blocked')
        print(urllib.request.urlopen('http://allowed.test:\(servers.httpPort)/index.txt', timeout=10).status)
        """
        let outcome = try run([], code)
        XCTAssertTrue(outcome.stdout.hasPrefix("tcp blocked\n"), outcome.stdout + outcome.stderr)
        XCTAssertFalse(outcome.stdout.contains("RESOLVED"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.hasSuffix("200\n"), "the proxy still works: \(outcome.stdout)")
        try servers.sendDatagram("barrier")
        let received = try Poll.until("the barrier datagram sent after the run", look: { self.servers.udpReceived },
                                      holds: { $0.contains("barrier") })
        XCTAssertEqual(received, "barrier\n", "no datagram from the container may reach the gateway")
    }

    func testNetworkLogsOnlyWithLogNetworkAndOnlyThisExecutionsLines() async throws {
        let quiet = try run([], fetchAll(["allowed.test"]))
        XCTAssertFalse(quiet.stderr.contains("Network Logs"), quiet.stderr)

        var options = Isol8Options()
        options.mode = .persistent
        options.network = .filtered
        options.logNetwork = true
        options.extraHosts = ["allowed.test:\(servers.gateway)", "other.test:\(servers.gateway)"]
        let engine = try DockerEngine(options: options)
        let first = try await engine.execute(ExecutionRequest(runtime: .python, code: fetchAll(["allowed.test"])))
        let second = try await engine.execute(ExecutionRequest(runtime: .python, code: fetchAll(["other.test", "other.test"])))
        let none = try await engine.execute(ExecutionRequest(runtime: .python, code: "print(1)"))
        await engine.stop()
        XCTAssertEqual(first.networkLogs?.map(\.host), ["allowed.test"])
        XCTAssertEqual(second.networkLogs?.map(\.host), ["other.test", "other.test"])
        XCTAssertNil(none.networkLogs, "omitted, not empty, when nothing was requested")
    }

    func testBlockedRequestWritesASecurityEvent() async throws {
        var options = Isol8Options()
        options.mode = .persistent
        options.network = .filtered
        options.networkFilter = NetworkFilter(whitelist: [], blacklist: [#"^denied\.test$"#])
        options.extraHosts = ["denied.test:\(servers.gateway)"]
        let engine = try DockerEngine(options: options)
        _ = try await engine.execute(ExecutionRequest(runtime: .python, code: fetchAll(["denied.test"])))
        let containerId = await engine.containerId
        let id = try XCTUnwrap(containerId)
        let events = try await Daemon.client.run(id, ExecSpec(cmd: ["cat", "/tmp/isol8-proxy/security-events.jsonl"]))
        await engine.stop()
        XCTAssertTrue(events.stdoutText.hasPrefix(#"{"type":"network_blocked","timestamp":"#), events.stdoutText)
        XCTAssertTrue(events.stdoutText.contains(#""details":{"method":"GET","host":"denied.test","reason":"filter_mismatch"}"#), events.stdoutText)
    }

    func testInvalidPatternFailsBeforeAnyContainer() async throws {
        let outcome = try CLI.run(["run", "--debug", "--net", "filtered", "--allow", "(", "-e", "print(1)"])
        XCTAssertEqual(Daemon.containersCreated(in: outcome.stderr), [])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.errors.hasPrefix("[ERR] Invalid --allow \"(\": Invalid network filter pattern: \"(\""), outcome.stderr)
    }

    func testInstallWithoutNetMeansFilteredWithRegistryAllowlist() throws {
        // The bad workdir stops the run before any container, so no registry is contacted.
        let outcome = try CLI.run(["run", "--debug", "--install", "requests", "--workdir", "../x", "-e", "print(1)"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("[DEBUG] [Run] --install detected without explicit --net; using filtered network mode automatically"))
        XCTAssertTrue(outcome.stderr.contains(#"[DEBUG] [Run] Added default package registries for python: ^pypi\.org$, ^files\.pythonhosted\.org$"#), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("[DEBUG] [Config] network = filtered (flag --install)"), outcome.stderr)
    }

    func testLiveNetworkEventsArriveBeforeExit() async throws {
        var options = Isol8Options()
        options.network = .filtered
        options.logNetwork = true
        options.extraHosts = ["allowed.test:\(servers.gateway)"]
        let engine = try DockerEngine(options: options)
        var kinds = [StreamEvent.Kind]()
        var network = [String]()
        for try await event in engine.executeStream(ExecutionRequest(runtime: .python, code: fetchAll(["allowed.test"]))) {
            kinds.append(event.type)
            if event.type == .network { network.append(event.data) }
        }
        await engine.stop()
        XCTAssertEqual(network.count, 1)
        XCTAssertTrue(network.first?.contains(#""host":"allowed.test""#) ?? false)
        XCTAssertEqual(kinds.last, .exit)
        XCTAssertLessThan(kinds.firstIndex(of: .network) ?? .max, kinds.firstIndex(of: .exit) ?? -1)
    }
}
