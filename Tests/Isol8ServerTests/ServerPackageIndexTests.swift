import Foundation
import XCTest
import Isol8Core
import Isol8TestSupport

/// Package installs through the server come from the server's configured index (config
/// `packages.pipIndexUrl`), served here on the Docker bridge: never from the internet.
final class ServerPackageIndexTests: XCTestCase {
    func testInstallsComeFromTheIndexInTheServersConfig() async throws {
        let index = try PackageIndexServer(gateway: try LocalServers.bridgeGateway())
        let server = try ServerProcess(config: #"{"packages": {"pipIndexUrl": "\#(index.pipIndexURL)"}}"#)
        try server.start()
        defer { server.stop() }
        let options: [String: Any] = [
            "network": "filtered",
            "extraHosts": ["index.test:\(index.gateway)"],
            // The public index is denied, so a request that ignored the config gets a 403 (and no DNS lookup).
            "networkFilter": ["whitelist": [#"^index\.test$"#], "blacklist": [#"^pypi\.org$"#, #"^files\.pythonhosted\.org$"#]],
            "timeoutMs": 60_000,
        ]
        let reply = try await HTTPClient(baseURL: server.baseURL).execute(
            ["runtime": "python", "code": "import isol8_demo; print(isol8_demo.greet())", "installPackages": ["isol8-demo"]],
            options: options)
        XCTAssertEqual(reply.status, 200, reply.text)
        XCTAssertEqual(reply.json["stdout"] as? String, "hello from the local index", reply.text)
    }
}
