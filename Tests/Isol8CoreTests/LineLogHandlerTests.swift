import Isol8TestSupport
import Logging
import XCTest
@testable import Isol8Core

/// isol8's line format through swift-log: what the CLI prints, the TUI's Debug pane shows
/// and the server's console writes.
final class LineLogHandlerTests: XCTestCase {
    private func logger(debug: Bool, _ capture: LineCapture) -> Logger {
        Logger.lines("test", debug: debug) { _, line in capture.append(line) }
    }

    func testEachLevelKeepsTheOriginalPrefixAndTheAreaTag() {
        let capture = LineCapture()
        let log = logger(debug: true, capture)
        log.debug(.pool, "Container abc started")
        log.debug("Installing packages: [\"pip\"]")
        log.debug(.install(.python, .stderr), "warning: cache")
        log.info(.server, "Prebuilt image x ready")
        log.info("[INFO] isol8 server v0.1.0 listening on http://localhost:3000")
        log.warning(.server, "API key cleanup failed: locked")
        log.error(.server, "WebSocket error: reset")
        XCTAssertEqual(capture.lines, [
            "[DEBUG] [Pool] Container abc started",
            "[DEBUG] Installing packages: [\"pip\"]",
            "[DEBUG] [install:python:stderr] warning: cache",
            "[Server] Prebuilt image x ready",
            "[INFO] isol8 server v0.1.0 listening on http://localhost:3000",
            "[WARN] [Server] API key cleanup failed: locked",
            "[ERROR] [Server] WebSocket error: reset",
        ])
    }

    func testDebugLinesOnlyWhenOnAndOtherMetadataStaysOffTheLine() {
        let capture = LineCapture()
        var built = false
        let quiet = logger(debug: false, capture).with("container", "abc")
        quiet.debug(.run, { built = true; return "hidden" }())
        quiet.info(.run, "shown")
        XCTAssertFalse(built, "a message for a level that is off is never built")
        let loud = quiet.debugging(true)
        loud.debug(.run, "now shown")
        quiet.debugging(false).debug(.run, "still hidden")
        XCTAssertEqual(capture.lines, ["[Run] shown", "[DEBUG] [Run] now shown"])
        XCTAssertEqual(loud[metadataKey: "container"], "abc")
    }
}
