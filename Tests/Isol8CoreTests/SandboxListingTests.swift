import Foundation
import XCTest
@testable import Isol8Core

/// Pure parts of the Sandboxes list: which containers count as sandboxes, their origin and
/// runtime from labels or image, and user names from a container's own /etc/passwd.
final class SandboxListingTests: XCTestCase {
    func testOriginComesFromTheEngineLabels() {
        XCTAssertEqual(DockerSandboxLister.origin(labels: ["isol8.managed": "true", ContainerOwner.keepLabel: "true"]), .persisted)
        XCTAssertEqual(DockerSandboxLister.origin(labels: ["isol8.managed": "true", "isol8.mode": "persistent"]), .session)
        XCTAssertEqual(DockerSandboxLister.origin(labels: ["isol8.managed": "true", "isol8.mode": "ephemeral"]), .pool)
        XCTAssertEqual(DockerSandboxLister.origin(labels: ["isol8.managed": "true"]), .pool, "the original isol8 labels no mode")
        XCTAssertEqual(DockerSandboxLister.origin(labels: [:]), .other)
    }

    func testTheRuntimeIsTheLabelsElseTheImageName() {
        XCTAssertEqual(DockerSandboxLister.runtime(labels: ["isol8.runtime": "node"], image: "isol8:node-custom"), "node")
        XCTAssertEqual(DockerSandboxLister.runtime(labels: [:], image: "isol8:python"), "python")
        XCTAssertNil(DockerSandboxLister.runtime(labels: [:], image: "alpine"))
    }

    func testTheBlueprintNamesTheEngineMode() throws {
        var options = Isol8Options()
        options.mode = .persistent
        let spec = try ContainerBlueprint.spec(image: "isol8:python", runtime: .python, options: options)
        XCTAssertEqual(spec.Labels[ContainerBlueprint.modeLabel], "persistent")
    }

    func testTheBlueprintNamesSecretsButNeverTheirValuesAndSnapshotsMaskThem() throws {
        var options = Isol8Options()
        options.secrets = ["B_VAR": "value-two", "A_VAR": "value-one"]
        let spec = try ContainerBlueprint.spec(image: "isol8:python", runtime: .python, options: options)
        XCTAssertEqual(spec.Labels[EnvironmentMask.secretNamesLabel], "A_VAR,B_VAR")
        XCTAssertFalse(spec.Labels.values.contains { $0.contains("value-") }, "\(spec.Labels)")
        let names = EnvironmentMask.secretNames(labels: spec.Labels)
        XCTAssertEqual(spec.Env.map { EnvironmentMask.masked($0, names: names) }.filter { $0.contains("value-") }, [])
    }

    func testUserNamesComeFromTheContainersPasswd() {
        let users = ContainerUsers(passwd: """
            root:x:0:0:root:/root:/bin/bash
            broken line
            sandbox:x:100:101::/sandbox:/bin/sh
            other:x:100:101::/:/bin/sh
            """)
        let table = ContainerProcessTable(titles: ["UID", "PID", "ELAPSED", "COMMAND"],
                                          rows: [["0", "1", "05:00", "sleep infinity"], ["100", "42", "00:01", "python3 main.py"],
                                                 ["1234", "43", "00:01", "mystery"]])
        let named = users.naming(table)
        XCTAssertEqual(named.titles, ["USER", "PID", "ELAPSED", "COMMAND"])
        XCTAssertEqual(named.rows.map { $0[0] }, ["root", "sandbox", "1234"], "the first name of a uid wins; unknown uids stay numbers")
    }

    func testASessionListWithoutThePortsAdditionsStillDecodes() throws {
        let original = #"{"id":"s1","isActive":false,"lastAccessedAt":"2026-01-01T00:00:00.000Z"}"#
        let decoded = try JSONDecoder().decode(SessionInfo.self, from: Data(original.utf8))
        XCTAssertNil(decoded.pruneAt)
        XCTAssertEqual(WireJSON.session(decoded).rendered, original, "an isol8 server's shape is written back unchanged")
    }
}
