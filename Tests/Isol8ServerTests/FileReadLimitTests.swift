import Foundation
import XCTest
import Isol8Core

/// Sandboxed code decides what a path is: `GET /file` and `outputPaths` must read regular
/// files only, up to `server.maxFileSizeBytes`, without the server's memory following a
/// `/dev/zero` symlink.
final class FileReadLimitTests: SharedServerTestCase {
    static let capBytes = 1_048_576
    override class var serverConfig: String {
        #"{"cleanup": {"autoPrune": false}, "server": {"maxFileSizeBytes": \#(capBytes), "fileReadTimeoutMs": 5000}}"#
    }
    var client: HTTPClient { HTTPClient(baseURL: server.baseURL) }
    /// Far below what a `/dev/zero` read costs (GiBs), far above an idle server (~50 MiB).
    static let residentBoundMiB = 100.0

    func testDevicesFifosSocketsAndOversizedFilesAreRefusedAndMemoryStaysBounded() async throws {
        let id = "files-\(UUID().uuidString.prefix(8))"
        let setup = """
            cd /sandbox && ln -s /dev/zero zero && mkfifo pipe && head -c \(Self.capBytes + 1) /dev/zero > big \
            && head -c \(Self.capBytes) /dev/zero > exact && echo small > ok.txt && mkdir dir \
            && python3 -c "import socket; socket.socket(socket.AF_UNIX).bind('/sandbox/sock')"
            """
        let made = try await client.execute(["runtime": "bash", "cmd": setup], sessionId: id)
        XCTAssertEqual(made.json["exitCode"] as? Int, 0, made.text)

        for (path, kind) in [("zero", "character special file"), ("pipe", "fifo"), ("sock", "socket"), ("dir", "directory")] {
            let reply = try await client.call("GET", "/file?sessionId=\(id)&path=/sandbox/\(path)")
            XCTAssertEqual(reply.status, 400, "\(path): \(reply.text)")
            XCTAssertEqual(reply.json["error"] as? String,
                           SandboxFileError.notRegular(path: "/sandbox/\(path)", kind: kind).description)
            XCTAssertLessThan(try server.residentMiB(), Self.residentBoundMiB, "after /sandbox/\(path)")
        }

        let big = try await client.call("GET", "/file?sessionId=\(id)&path=/sandbox/big")
        XCTAssertEqual(big.status, 413, big.text)
        XCTAssertEqual(big.json["error"] as? String, SandboxFileError.tooLarge(path: "/sandbox/big", size: Self.capBytes + 1, limit: Self.capBytes).description)
        XCTAssertTrue(big.text.contains("1048576-byte limit"), big.text)

        let exact = try await client.call("GET", "/file?sessionId=\(id)&path=/sandbox/exact")
        XCTAssertEqual(exact.status, 200)
        XCTAssertEqual((exact.json["content"] as? String).flatMap { Data(base64Encoded: $0) }?.count, Self.capBytes)
        let small = try await client.call("GET", "/file?sessionId=\(id)&path=/sandbox/ok.txt")
        XCTAssertEqual((small.json["content"] as? String).flatMap { Data(base64Encoded: $0) }, Data("small\n".utf8))
        XCTAssertLessThan(try server.residentMiB(), Self.residentBoundMiB, "after the downloads")
        _ = try await client.call("DELETE", "/session/\(id)")
    }

    func testOutputPathsSkipDevicesAndOversizedFiles() async throws {
        let cmd = "cd /sandbox && ln -s /dev/zero zero && head -c \(Self.capBytes + 1) /dev/zero > big && echo kept > ok.txt"
        let reply = try await client.execute(["runtime": "bash", "cmd": cmd, "outputPaths": ["/sandbox/zero", "/sandbox/big", "/sandbox/ok.txt"]])
        XCTAssertEqual(reply.status, 200, reply.text)
        let files = try XCTUnwrap(reply.json["files"] as? [String: String], reply.text)
        XCTAssertEqual(Array(files.keys), ["/sandbox/ok.txt"])
        XCTAssertEqual(files["/sandbox/ok.txt"].flatMap { Data(base64Encoded: $0) }, Data("kept\n".utf8))
        XCTAssertLessThan(try server.residentMiB(), Self.residentBoundMiB)
    }
}
