import XCTest

/// Start-up checks of the real binary: bad rules stop it before it listens.
final class ProxyStartupTests: XCTestCase {
    func testInvalidPatternExitsWithStatus2AndClearMessage() throws {
        let result = try ProxyProcess.runToExit(environment: ["ISOL8_WHITELIST": #"["^ok$","(?:bad)"]"#])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains(#"Invalid network filter pattern: "(?:bad)""#), result.stderr)
    }

    func testMalformedJSONExitsWithStatus2() throws {
        let result = try ProxyProcess.runToExit(environment: ["ISOL8_BLACKLIST": "[not json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("ISOL8_BLACKLIST"), result.stderr)
    }

    func testUnknownFlagExitsWithStatus2() throws {
        let result = try ProxyProcess.runToExit(environment: [:], arguments: ["--bogus"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--bogus"), result.stderr)
    }

    func testPortFromEnvironmentIsUsedWhenNoFlag() throws {
        let port = try LoopbackSocket.closedPort()
        let proxy = try ProxyProcess(environment: ["ISOL8_PROXY_PORT": String(port)], choosePort: false)
        XCTAssertEqual(proxy.port, port)
    }
}
