import Foundation
import XCTest
import Isol8Core
import Isol8Server
import Isol8TestSupport

/// A second Docker target over TLS on loopback: socat checks client certificates in front of
/// the daemon's socket, as a remote `dockerd --tlsverify` would.
final class DockerTLSTargetTests: XCTestCase {
    private var directory: URL!
    private var relay: HelperProcess?
    private var port = 0

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-tls-\(UUID().uuidString)")
        for folder in ["good", "wrong"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try makeCertificates()
        port = try XCTUnwrap(PortResolver.freePort(host: "127.0.0.1"))
        relay = try HelperProcess(["socat",
                                   "OPENSSL-LISTEN:\(port),bind=127.0.0.1,reuseaddr,fork,cert=\(path("server.pem")),cafile=\(path("good/ca.pem")),verify=1",
                                   "UNIX-CONNECT:/var/run/docker.sock"])
    }

    override func tearDownWithError() throws {
        relay?.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private var host: String { "tcp://127.0.0.1:\(port)" }

    /// Waits until the relay accepts a handshake with the good certificates; a relay that
    /// never gets there fails with what the last probe saw.
    private func reachableTarget() async throws -> TargetHealth {
        let target = Target(name: "tls", kind: .docker(try DockerEndpoint.parse(host, tls: DockerTLS(directory: path("good")))),
                            origin: .commandLine)
        let relay = try XCTUnwrap(relay)
        return try await Poll.until("the TLS relay on \(host) to answer", look: { await TargetHealth.probe(target) }, holds: { health in
            if let status = relay.exitStatus { throw Spawn.Failed(argv: relay.argv, reason: "exited \(status): \(relay.errors)") }
            return health.isReachable
        }, describe: { $0.failure ?? "reachable" })
    }

    func testCodeRunsOnADockerTargetBehindTLS() async throws {
        let health = try await reachableTarget()
        XCTAssertTrue(health.isReachable, health.failure ?? "")
        XCTAssertTrue(health.version?.hasPrefix("Docker ") == true, "\(health.version ?? "nil")")

        let run = try CLIRun.run(["run", "-e", "print(6 * 7)"],
                                 environment: ["DOCKER_HOST": host, "DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": path("good")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "42\n")
    }

    func testAWrongClientCertificateFailsClearly() async throws {
        let health = try await reachableTarget()
        XCTAssertTrue(health.isReachable, health.failure ?? "")

        let run = try CLIRun.run(["run", "-e", "print(1)"],
                                 environment: ["DOCKER_HOST": host, "DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": path("wrong")])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("tcp://127.0.0.1:\(port)"), run.stderr)
        XCTAssertTrue(run.stderr.localizedCaseInsensitiveContains("SSL") || run.stderr.localizedCaseInsensitiveContains("TLS"), run.stderr)
        XCTAssertFalse(run.stderr.contains("Fatal error"), run.stderr)

        let missing = try CLIRun.run(["run", "-e", "print(1)"],
                                     environment: ["DOCKER_HOST": host, "DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": path("nowhere")])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains(path("nowhere")), missing.stderr)
    }

    /// A CA with a server certificate for 127.0.0.1 and a client certificate, in `good/`;
    /// a client certificate from another CA in `wrong/`.
    private func makeCertificates() throws {
        let script = """
        set -e
        cd "\(directory.path)"
        openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=test-ca -keyout good/ca-key.pem -out good/ca.pem 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout server-key.pem -out server.csr 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth\\n' > server.ext
        openssl x509 -req -in server.csr -CA good/ca.pem -CAkey good/ca-key.pem -CAcreateserial -days 1 -extfile server.ext -out server-cert.pem 2>/dev/null
        cat server-cert.pem server-key.pem > server.pem
        printf 'extendedKeyUsage=clientAuth\\n' > client.ext
        for side in good wrong; do
          if [ "$side" = wrong ]; then
            openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=other-ca -keyout wrong/other-key.pem -out wrong/other.pem 2>/dev/null
            ca=wrong/other.pem; cakey=wrong/other-key.pem
            cp good/ca.pem wrong/ca.pem
          else
            ca=good/ca.pem; cakey=good/ca-key.pem
          fi
          openssl req -newkey rsa:2048 -nodes -subj /CN=client -keyout $side/key.pem -out $side/client.csr 2>/dev/null
          openssl x509 -req -in $side/client.csr -CA $ca -CAkey $cakey -CAcreateserial -days 1 -extfile client.ext -out $side/cert.pem 2>/dev/null
        done
        """
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script]
        try shell.run()
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 0, "openssl could not make the test certificates")
    }
}
