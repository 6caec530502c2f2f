import Isol8TestSupport
import Logging
import XCTest
@testable import Isol8Core

/// Each engine logs through its own logger: the `debug` option of one engine does not switch
/// another's lines on, even in one process.
final class EngineLoggingTests: XCTestCase {
    func testTwoEnginesWithDifferentDebugSettingsLogIndependently() async throws {
        let loudLines = LineCapture()
        let quietLines = LineCapture()
        var debugOptions = Isol8Options()
        debugOptions.debug = true
        let loud = try DockerEngine(options: debugOptions, logger: Logger.lines("loud", debug: false) { _, line in loudLines.append(line) })
        let quiet = try DockerEngine(options: Isol8Options(), logger: Logger.lines("quiet", debug: false) { _, line in quietLines.append(line) })

        async let loudRun = loud.execute(ExecutionRequest(runtime: .python, code: "print('loud')"))
        async let quietRun = quiet.execute(ExecutionRequest(runtime: .python, code: "print('quiet')"))
        let (loudResult, quietResult) = try await (loudRun, quietRun)
        await loud.stop()
        await quiet.stop()

        XCTAssertEqual(loudResult.stdout, "loud")
        XCTAssertEqual(quietResult.stdout, "quiet")
        let loudContainer = try XCTUnwrap(loudResult.containerId)
        let lines = loudLines.lines
        XCTAssertTrue(lines.contains("[DEBUG] [Pool] Container \(loudContainer) created for image: isol8:python"), "\(lines)")
        XCTAssertTrue(lines.contains("[DEBUG] [Pool] Container \(loudContainer) started"), "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("[DEBUG] [Run] Execution completed: exitCode=0, duration=") }, "\(lines)")
        let quietContainer = try XCTUnwrap(quietResult.containerId)
        XCTAssertFalse(lines.contains { $0.contains(quietContainer) }, "the quiet engine's container is not in the loud log: \(lines)")
        XCTAssertEqual(quietLines.lines, [], "an engine with debug off writes no lines")
    }
}
