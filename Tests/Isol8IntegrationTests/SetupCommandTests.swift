import XCTest
@testable import Isol8Core

/// `isol8 setup` against the images scripts/install already built.
final class SetupCommandTests: XCTestCase {
    func testSetupIsIdempotentAndReportsUpToDate() throws {
        let outcome = try CLI.run(["setup"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let expected = ["[OK] Docker is running"] + Runtime.buildable.map { "[OK] \($0.rawValue): Up to date" } + ["", "[DONE] Setup complete!"]
        XCTAssertEqual(outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(), expected[...])
    }

    func testImagesCarryTheBuildHashAndConventions() async throws {
        let builder = BaseImageBuilder(host: DockerHost(client: Daemon.client), rootfs: RootfsBuilder(progress: { _ in }),
                                       proxyBinary: CLI.binary.deletingLastPathComponent().appendingPathComponent("isol8-proxy"), progress: { _ in })
        let hash = try builder.buildHash()
        for runtime in Runtime.buildable {
            let image = try await Daemon.client.inspectImage("isol8:\(runtime.rawValue)")
            XCTAssertEqual(image?.Config?.Labels?["org.isol8.build.hash"], hash, runtime.rawValue)
        }
        let users = try CLI.run(["run", "--no-stream", "--cmd", "getent passwd sandbox; getent group sandbox; readlink -f /sbin/tini; pwd; test -x /usr/local/bin/isol8-proxy && echo proxy"])
        XCTAssertEqual(users.stdout, "sandbox:x:100:101::/sandbox:/bin/bash\nsandbox:x:101:\n/usr/bin/tini\n/sandbox\nproxy\n", users.stderr)
    }

    func testHostNetworkSeesTheHostInterfaces() throws {
        let outcome = try CLI.run(["run", "--no-stream", "--net", "host", "--cmd", "ls /sys/class/net"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.split(separator: "\n").contains("docker0"), outcome.stdout)
    }

    func testSetupWithoutDockerFailsClearly() throws {
        let outcome = try CLI.run(["setup"], environment: ["DOCKER_HOST": "unix:///nonexistent.sock"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("[ERR] Docker is not running or not installed."), outcome.stderr)
    }
}
