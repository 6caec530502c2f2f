import XCTest
@testable import Isol8Core
import Isol8TestSupport

/// Package installs from an index this test serves on the bridge gateway (never the internet).
final class PackageTests: XCTestCase {
    private var index: PackageIndexServer!

    override func setUpWithError() throws {
        index = try PackageIndexServer(gateway: try LocalServers.bridgeGateway())
    }

    override func tearDown() {
        index = nil
    }

    /// Denies the public registries, so a misrouted install gets a 403 and never a DNS lookup.
    private let noPublicRegistries = ["--deny", #"^registry\.npmjs\.org$"#, "--deny", #"^pypi\.org$"#, "--deny", #"^files\.pythonhosted\.org$"#]

    private func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-pkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let config = #"{"packages": {"pipIndexUrl": "\#(index.pipIndexURL)", "npmRegistry": "\#(index.npmRegistry)"}}"#
        try config.write(to: dir.appendingPathComponent("isol8.config.json"), atomically: true, encoding: .utf8)
        return dir
    }

    func testPythonPackageInstalledInCallOneIsImportableInCallTwo() async throws {
        var options = Isol8Options()
        options.mode = .persistent
        options.network = .filtered
        options.extraHosts = ["index.test:\(index.gateway)"]
        options.networkFilter = NetworkFilter(whitelist: [#"^index\.test$"#], blacklist: [])
        options.packageIndex = PackageIndex(pipIndexURL: index.pipIndexURL)
        let engine = try DockerEngine(options: options)
        var first = ExecutionRequest(runtime: .python, code: "print('installed')")
        first.installPackages = ["isol8-demo"]
        let installed = try await engine.execute(first)
        XCTAssertEqual(installed.stdout, "installed", installed.stderr)
        let second = try await engine.execute(ExecutionRequest(runtime: .python, code: "import isol8_demo; print(isol8_demo.greet())"))
        await engine.stop()
        XCTAssertEqual(second.stdout, "hello from the local index", second.stderr)
    }

    func testNodePackageFromTheLocalRegistryThroughTheCLI() throws {
        let dir = try workspace()
        let outcome = try CLI.run(["run", "-r", "node", "--install", "isol8-demo", "--timeout", "60000"] + index.hostFlag + noPublicRegistries
                                  + ["-e", "import greet from 'isol8-demo'; console.log(greet())"], environment: ["HOME": dir.path], directory: dir)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "hello from the local registry\n")
    }

    func testPipIndexFromEnvironmentWinsAndShowsItsSource() throws {
        let dir = try workspace()
        let outcome = try CLI.run(["config", "--sources"], environment: ["HOME": dir.path, "ISOL8_PIP_INDEX_URL": "http://elsewhere.test/simple/"], directory: dir)
        let row = outcome.stdout.split(separator: "\n").first { $0.hasPrefix("packages.pipIndexUrl ") }
        XCTAssertEqual(row?.split(separator: " ", omittingEmptySubsequences: true).map(String.init),
                       ["packages.pipIndexUrl", "http://elsewhere.test/simple/", "env", "ISOL8_PIP_INDEX_URL"], outcome.stdout)
    }

    func testInstallFailureNamesTheExitCode() throws {
        let dir = try workspace()
        let outcome = try CLI.run(["run", "--install", "isol8-missing", "--timeout", "60000"] + index.hostFlag + noPublicRegistries + ["-e", "print(1)"],
                                  environment: ["HOME": dir.path], directory: dir)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("[ERR] Package install failed (exit code 1): "), outcome.stderr)
    }

    func testInvalidPackageNameIsRefusedBeforeAnyContainer() async throws {
        let outcome = try CLI.run(["run", "--debug", "--install", "evil;rm -rf /", "-e", "print(1)"])
        XCTAssertEqual(Daemon.containersCreated(in: outcome.stderr), [])
        XCTAssertEqual(outcome.errors, "[ERR] Invalid package name: \"evil;rm -rf /\". Only alphanumeric, -, _, ., /, @, and = are allowed.\n")
    }
}
