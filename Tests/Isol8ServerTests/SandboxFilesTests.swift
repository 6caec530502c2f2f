import Foundation
import XCTest
import Isol8Core

/// The inspector's file operations on both kinds of target, the same table for each: a local
/// persistent container through Docker, and a session of a real `isol8 serve` through its
/// routes. The code under inspection plants what an attacker would: a FIFO, a symlink to a
/// device, a newline in a name.
final class SandboxFilesTests: SharedServerTestCase {
    private static let planting = """
        import os
        os.makedirs('/sandbox/sub', exist_ok=True)
        open('/sandbox/x', 'w').write('42')
        open('/sandbox/sub/y', 'w').write('y' * 1000)
        os.mkfifo('/sandbox/pipe')
        os.symlink('/dev/zero', '/sandbox/zero')
        open('/sandbox/odd\\nname', 'w').write('')
        """

    func testTheDockerInspectorListsReadsAndWritesFiles() async throws {
        var options = Isol8Options()
        options.mode = .persistent
        options.sandboxSize = "4m"
        let engine = try DockerEngine(options: options)
        try await engine.start()
        let container = ContainerBox()
        _ = try await engine.execute(ExecutionRequest(runtime: .python, code: Self.planting), cancel: CancelToken()) { container.id = $0 }
        let id = try XCTUnwrap(container.id)
        defer { Task { await engine.stop() } }
        try await assertFiles(try XCTUnwrap(engine.inspector), id)
    }

    func testTheServerInspectorListsReadsAndWritesASessionsFiles() async throws {
        let session = "files-\(UUID().uuidString.prefix(8))"
        let run = try await HTTPClient(baseURL: server.baseURL).execute(["runtime": "python", "code": Self.planting], sessionId: session,
                                                                       options: ["sandboxSize": "4m"])
        XCTAssertEqual(run.status, 200, run.text)
        defer { Task { _ = try? await HTTPClient(baseURL: self.server.baseURL).call("DELETE", "/session/\(session)") } }
        let engine = try RemoteEngine(host: server.baseURL, apiKey: ServerProcess.apiKey)
        try await assertFiles(try XCTUnwrap(engine.inspector), session)
        // The isol8 API has no terminal: a shell is refused with what to do instead.
        do {
            _ = try await XCTUnwrap(engine.inspector).shell(session, on: .standard)
            XCTFail("a shell opened on a server target")
        } catch let error as RemoteError {
            XCTAssertTrue(error.description.contains("a shell needs a Docker target"), error.description)
        }
    }

    private func assertFiles(_ inspector: any SandboxInspector, _ id: String, file: StaticString = #filePath, line: UInt = #line) async throws {
        let listed = Dictionary(uniqueKeysWithValues: try await inspector.files(id).map { ($0.path, $0) })
        XCTAssertEqual(listed["/sandbox/x"]?.kind, .file, file: file, line: line)
        XCTAssertEqual(listed["/sandbox/x"]?.size, 2, file: file, line: line)
        XCTAssertEqual(listed["/sandbox/sub"]?.kind, .directory, file: file, line: line)
        XCTAssertEqual(listed["/sandbox/sub/y"]?.size, 1000, file: file, line: line)
        XCTAssertEqual(listed["/sandbox/pipe"]?.kind, .other, file: file, line: line)
        XCTAssertEqual(listed["/sandbox/zero"]?.kind, .link, file: file, line: line)
        XCTAssertNotNil(listed["/sandbox/odd\nname"], "a newline in a name stays one entry: \(listed.keys.sorted())", file: file, line: line)

        let x = try await inspector.readFile(id, path: "/sandbox/x")
        XCTAssertEqual(String(decoding: x, as: UTF8.self), "42", file: file, line: line)
        for refused in ["/sandbox/zero", "/sandbox/pipe"] {
            do {
                _ = try await inspector.readFile(id, path: refused)
                XCTFail("\(refused) was read", file: file, line: line)
            } catch {
                XCTAssertTrue("\(error)".contains("not a regular file"), "\(refused): \(error)", file: file, line: line)
            }
        }

        let bytes = Data((0...255).map(UInt8.init) + (0...255).map(UInt8.init))
        try await inspector.writeFile(id, path: "/sandbox/up/load.bin", data: bytes)
        let back = try await inspector.readFile(id, path: "/sandbox/up/load.bin")
        XCTAssertEqual(back, bytes, "bytes exact", file: file, line: line)

        // More than the 4m /sandbox holds: refused, and nothing half-written stays.
        do {
            try await inspector.writeFile(id, path: "/sandbox/big.bin", data: Data(count: 6 << 20))
            XCTFail("a file larger than /sandbox was written", file: file, line: line)
        } catch {}
        let after = try await inspector.files(id).map(\.path)
        XCTAssertFalse(after.contains { $0.hasPrefix("/sandbox/big.bin") }, "\(after)", file: file, line: line)
    }
}

/// The container id the engine names, handed from its callback to the test.
private final class ContainerBox: @unchecked Sendable {
    var id: String?
}
