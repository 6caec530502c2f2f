import Isol8Core
import XCTest

/// The API version comes from the daemon's ping; it must be the one `/version` would have chosen.
final class APIVersionTests: XCTestCase {
    func testThePingNegotiatesTheVersionThatVersionWould() async throws {
        let client = try DockerClient.fromEnvironment()
        let chosen = try await client.apiVersion()
        let version = try await client.version()
        let server = try XCTUnwrap(APIVersion(version.ApiVersion))
        XCTAssertEqual(chosen, APIVersion.negotiate(server: server, serverMinimum: version.MinAPIVersion.flatMap(APIVersion.init)))
        _ = try await client.listContainers()  // a versioned call works with the version chosen
    }

    func testOnlyTheResponseHeadersAskedForAreHandedBack() async throws {
        let client = try DockerClient.fromEnvironment()
        let asked = try await client.transport.send(HTTPRequest(method: "GET", path: "/_ping", responseHeaders: ["Api-Version", "X-Not-Sent"]))
        let version = try await client.version()
        XCTAssertEqual(asked.headers, ["Api-Version": version.ApiVersion])
        let unasked = try await client.transport.send(HTTPRequest(method: "GET", path: "/_ping"))
        XCTAssertEqual(unasked.headers, [:])
    }
}
