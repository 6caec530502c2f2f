import XCTest
@testable import Isol8Core
import Isol8TestSupport

/// `isol8 build` / `list-custom` and custom-image resolution, with packages from a local index.
final class CustomImageTests: XCTestCase {
    private let tag = "isol8-custom-test:py"
    private var index: PackageIndexServer!
    private var dir: URL!

    override func setUpWithError() throws {
        index = try PackageIndexServer(gateway: try LocalServers.bridgeGateway())
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-custom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try #"{"packages": {"pipIndexUrl": "\#(index.pipIndexURL)"}}"#.write(to: dir.appendingPathComponent("isol8.config.json"), atomically: true, encoding: .utf8)
    }

    override func tearDown() async throws {
        try? await Daemon.client.removeImage(tag, force: true)
        index = nil
    }

    private func cli(_ args: [String]) throws -> CLI.Outcome {
        try CLI.run(args, environment: ["HOME": dir.path], directory: dir)
    }

    func testBuildListAndResolveACustomImage() throws {
        let build = ["build", "--base", "python", "--tag", tag, "--install", "isol8-demo", "--setup", "echo image-setup-ran > /sandbox/marker"] + index.hostFlag
        let built = try cli(build)
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertEqual(built.stdout, "\n[DONE] Custom image build complete!\n       Runtime: python\n       Packages: isol8-demo\n       Setup: echo image-setup-ran > /sandbox/marker\n       Image: \(tag)\n")
        XCTAssertTrue(try cli(build).stdout.hasPrefix("[OK] \(tag): Up to date\n"))

        let listed = try cli(["list-custom"])
        XCTAssertTrue(listed.stdout.contains("\(tag)\n  Runtime: python\n  Dependencies: isol8-demo\n  Setup: echo image-setup-ran > /sandbox/marker\n"), listed.stdout)

        // No network at all: the package must come from the image, and its setup script runs first.
        let run = try cli(["run", "--debug", "--net", "none", "--install", "isol8-demo", "-e", "import isol8_demo; print(isol8_demo.greet()); print(open('/sandbox/marker').read().strip())"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("[DEBUG] [Docker] Found exact custom image match: \(tag)"), run.stderr)
        XCTAssertTrue(run.stdout.contains("hello from the local index\nimage-setup-ran\n"), run.stdout)
    }

    func testBuildRefusesBadInput() throws {
        let badBase = try cli(["build", "--base", "ruby", "--tag", "x"])
        XCTAssertEqual(badBase.status, 1)
        XCTAssertEqual(badBase.stderr, "[ERR] Invalid runtime: ruby. Expected one of: python, node, bun, deno, bash, agent\n")
        let nothing = try cli(["build", "--base", "python", "--tag", "x"])
        XCTAssertEqual(nothing.stderr, "[ERR] No packages or setup script specified. Use --install <package> or --setup <command>.\n")
        let badName = try cli(["build", "--base", "python", "--tag", "x", "--install", "a b"])
        XCTAssertTrue(badName.stderr.contains("Invalid package name: \"a b\""), badName.stderr)
    }
}

/// `prebuiltImages` from the config are built by `isol8 setup` (compat §8.2).
final class PrebuiltImageTests: XCTestCase {
    private let tag = "isol8-prebuilt-test:bash"

    override func tearDown() async throws {
        try? await Daemon.client.removeImage(tag, force: true)
    }

    func testSetupBuildsPrebuiltImagesOnce() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-prebuilt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let config = #"{"prebuiltImages": [{"tag": "\#(tag)", "runtime": "bash", "installPackages": [], "setupScript": "echo prebuilt-setup"}]}"#
        try config.write(to: dir.appendingPathComponent("isol8.config.json"), atomically: true, encoding: .utf8)
        let first = try CLI.run(["setup"], environment: ["HOME": dir.path], directory: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("[OK] \(tag) (bash: )\n"), first.stdout)
        let second = try CLI.run(["setup"], environment: ["HOME": dir.path], directory: dir)
        XCTAssertTrue(second.stdout.contains("[OK] \(tag) (already exists)\n"), second.stdout)
        let run = try CLI.run(["run", "--image", tag, "-r", "bash", "-e", "echo code"], environment: ["HOME": dir.path], directory: dir)
        XCTAssertEqual(run.stdout, "prebuilt-setup\ncode\n", run.stderr)
    }
}
