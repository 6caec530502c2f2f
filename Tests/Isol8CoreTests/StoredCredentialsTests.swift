import Foundation
import XCTest
import Isol8Core

/// `~/.isol8/credentials.json` as `isol8 login`, `logout` and key resolution use it (compat §8.1, §8.7).
final class StoredCredentialsTests: XCTestCase {
    private let home = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-creds-\(UUID().uuidString)").path

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: home)
    }

    func testSaveWritesAPrivateFileThatLoadsBackAndRemoveDeletesIt() throws {
        let credentials = StoredCredentials(host: "http://h:3000", token: "isol8_abc", expiresAt: "2099-01-01T00:00:00.000Z", keyId: "k")
        try credentials.save(home: home)
        let path = StoredCredentials.path(home: home)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
        XCTAssertEqual(StoredCredentials.load(home: home), credentials)
        XCTAssertTrue(try StoredCredentials.remove(home: home))
        XCTAssertNil(StoredCredentials.load(home: home))
        XCTAssertFalse(try StoredCredentials.remove(home: home))
    }

    func testAnUnreadableExpiryCountsAsExpired() {
        func expired(_ text: String) -> Bool { StoredCredentials(host: "h", token: "t", expiresAt: text, keyId: "k").isExpired }
        XCTAssertFalse(expired(WireJSON.isoTimestamp(Date().addingTimeInterval(60))))
        XCTAssertFalse(expired("2099-01-01T00:00:00Z"))
        XCTAssertTrue(expired(WireJSON.isoTimestamp(Date().addingTimeInterval(-1))))
        XCTAssertTrue(expired("tomorrow"))
    }
}
