import Foundation
import Isol8Core
import Logging
import XCTest
@testable import Isol8TUI

/// `--files`, `--add-host`, `--setup`, `--workdir` and `--image` as knobs: each lands where the
/// CLI's flag lands, so RunPreparation builds the same request from it.
final class EveryKnobTests: XCTestCase {
    func testTheRequestLevelKnobsReachTheRequestThroughRunPreparation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-knob-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "data".write(to: directory.appendingPathComponent("data.txt"), atomically: true, encoding: .utf8)

        var state = Fixture.state()
        for command in ["set files \(directory.path)", "set workdir sub", "set setup echo ready",
                        "set add-host db.test:10.1.2.3", "set image isol8:python"] {
            state.command(command)
            XCTAssertNil(state.prompt?.error, command)
        }
        let spec = state.knobs.runSpec(id: 1)
        let prepared = try RunPreparation.prepare(flags: spec.flags, effective: spec.effective, log: Logger(label: "test"),
                                                  readStdin: { "" })
        XCTAssertEqual(prepared.request.files, ["/sandbox/data.txt": "data"])
        XCTAssertEqual(prepared.request.workdir, "sub")
        XCTAssertEqual(prepared.request.setupScript, "echo ready")
        XCTAssertEqual(prepared.effective.options.extraHosts, ["db.test:10.1.2.3"])
        XCTAssertEqual(prepared.effective.options.image, "isol8:python")
        for key in ["filesDir", "workdir", "setupScript", "extraHosts", "image"] {
            XCTAssertEqual(state.knobs.effective.entry(key)?.source, .tui, key)
        }
        XCTAssertTrue(RunCommandLine.text(spec).contains("--add-host db.test:10.1.2.3"))
        XCTAssertTrue(RunCommandLine.text(spec).contains("--workdir sub --files \(directory.path) --setup 'echo ready'"))

        state.command("set setup none")
        XCTAssertEqual(state.knobs.flags.setup, [])
    }

    func testBadValuesAreRefusedInPlaceNamingTheProblem() {
        var state = Fixture.state()
        state.command("set files /no/such/dir")
        XCTAssertEqual(state.prompt?.error, "files /no/such/dir: not a directory (the --files of isol8 run)")
        state = Fixture.state()
        state.command("set add-host nocolon")
        XCTAssertNotNil(state.prompt?.error)
        XCTAssertEqual(state.knobs.options.extraHosts, [])
    }
}
