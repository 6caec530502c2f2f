import XCTest
@testable import Isol8Core
import Isol8TestSupport

/// `codeUrl` fetching against an HTTP server the test starts on loopback.
final class RemoteCodeTests: XCTestCase {
    private var server: HelperProcess!
    private var root: URL!
    private var port = 0

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-remote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "print('fetched and run')".write(to: root.appendingPathComponent("hello.py"), atomically: true, encoding: .utf8)
        try Data([0x70, 0x00, 0x71]).write(to: root.appendingPathComponent("binary.py"))
        try String(repeating: "#", count: 5000).write(to: root.appendingPathComponent("big.py"), atomically: true, encoding: .utf8)
        (server, port) = try LocalServers.startPythonServer(["-m", "http.server", "--bind", "127.0.0.1", "0", "--directory", root.path])
    }

    override func tearDown() {
        server.stop()
    }

    private func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }

    private var testPolicy: RemoteCodePolicy {
        var policy = RemoteCodePolicy()
        policy.enabled = true
        policy.allowedSchemes = ["http"]
        policy.allowedHosts = [#"^127\.0\.0\.1$"#]
        policy.blockedHosts = RemoteCodePolicy.defaultBlockedHosts.filter { !$0.contains("127") }
        return policy
    }

    private func fetcher(_ policy: RemoteCodePolicy) -> RemoteCodeFetcher { RemoteCodeFetcher(policy: policy) }

    private func assertRefused(_ policy: RemoteCodePolicy, _ name: String, insecure: Bool = true, hash: String? = nil,
                               _ message: String, line: UInt = #line) {
        XCTAssertThrowsError(try fetcher(policy).fetch(url(name), allowInsecure: insecure, expectedHash: hash), line: line) {
            XCTAssertEqual("\($0)", message, line: line)
        }
    }

    func testAllowedFetchRunsInTheSandbox() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-rc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let config = #"{"remoteCode": {"enabled": true, "allowedSchemes": ["http"], "allowedHosts": ["^127\\.0\\.0\\.1$"], "blockedHosts": []}}"#
        try config.write(to: dir.appendingPathComponent("isol8.config.json"), atomically: true, encoding: .utf8)
        let allowed = try CLI.run(["run", "--url", url("hello.py"), "--allow-insecure-code-url"], environment: ["HOME": dir.path], directory: dir)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertEqual(allowed.stdout, "fetched and run\n")

        let home = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-rc-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let refused = try CLI.run(["run", "--url", url("hello.py"), "--allow-insecure-code-url"], environment: ["HOME": home.path], directory: home)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "[ERR] Remote code fetching is disabled. Set remoteCode.enabled=true to allow it.\n")
    }

    func testDefaultPolicyRefusesLoopbackEvenWhenEnabled() {
        var policy = Isol8Config().remoteCode
        policy.enabled = true
        policy.allowedSchemes = ["http"]
        assertRefused(policy, "hello.py", "Blocked code URL host: 127.0.0.1")
        policy.blockedHosts = []
        assertRefused(policy, "hello.py", "Blocked code URL host: 127.0.0.1")
    }

    func testEveryCheckHasItsMessage() {
        assertRefused(RemoteCodePolicy(), "hello.py", "Remote code fetching is disabled. Set remoteCode.enabled=true to allow it.")
        assertRefused(testPolicy, "hello.py", insecure: false, "Insecure code URL blocked. Use allowInsecureCodeUrl=true to allow HTTP.")
        var https = testPolicy
        https.allowedSchemes = ["https"]
        assertRefused(https, "hello.py", "URL scheme not allowed: http")
        var other = testPolicy
        other.allowedHosts = [#"^example\.org$"#]
        assertRefused(other, "hello.py", "Blocked code URL host: 127.0.0.1")
        var hashed = testPolicy
        hashed.requireHash = true
        assertRefused(hashed, "hello.py", "Hash verification required: provide codeHash for remote code execution.")
        var small = testPolicy
        small.maxCodeSize = 1000
        assertRefused(small, "big.py", "Remote code exceeds maxCodeSize (1000 bytes)")
        assertRefused(testPolicy, "binary.py", "Fetched code appears to be binary content")
        assertRefused(testPolicy, "missing.py", "Failed to fetch remote code: HTTP 404")
        assertRefused(testPolicy, "hello.py", hash: String(repeating: "0", count: 64), "Remote code hash mismatch")
        var bad = testPolicy
        bad.blockedHosts = ["("]
        assertRefused(bad, "hello.py", "Invalid remoteCode host pattern: \"(\"")
    }

    func testMatchingHashIsAccepted() throws {
        // sha256sum of hello.py's body; upper case because the comparison ignores case.
        let digest = "D794908AC4780C20C56FA6A4AF3D4E685710FF512BDF0DAA441ADCFC58F1EA6C"
        let text = try fetcher(testPolicy).fetch(url("hello.py"), allowInsecure: true, expectedHash: digest)
        XCTAssertEqual(text, "print('fetched and run')")
    }

    func testSlowServerTimesOut() throws {
        // Accepts one connection and never answers.
        let (listener, slowPort) = try LocalServers.startPythonServer(["-c", """
            import socket, time
            s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()
            print('listening on port', s.getsockname()[1], flush=True)
            c, _ = s.accept(); time.sleep(600)
            """])
        defer { listener.stop() }
        var policy = testPolicy
        policy.fetchTimeoutMs = 500
        XCTAssertThrowsError(try fetcher(policy).fetch("http://127.0.0.1:\(slowPort)/x.py", allowInsecure: true, expectedHash: nil)) {
            XCTAssertEqual("\($0)", "Remote code fetch timed out after 500ms")
        }
    }
}
