import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// `:code` switches between a file, inline code and a shell command, as the CLI's FILE, -e
/// and --cmd do; the next run's spec carries the new source.
final class CodeSourceTests: XCTestCase {
    func testTheCodeMovesBetweenFileInlineAndCmd() {
        var state = Fixture.state()
        state.command("code inline")
        XCTAssertEqual(state.code.title, "-e")
        XCTAssertNil(state.knobs.flags.file)
        XCTAssertEqual(state.knobs.flags.eval, Fixture.helloCode.trimmingCharacters(in: .newlines), "the file's code moved over")

        state.command("code cmd ls -la /sandbox")
        XCTAssertEqual(state.code.title, "--cmd")
        XCTAssertEqual(state.knobs.runtime, .bash)
        XCTAssertEqual(startedSpec(state.press("r"))?.flags.cmd, "ls -la /sandbox")
        state.send(.runFinished(id: 1, .streamed))

        let effects = state.command("code file examples/hello.py")
        XCTAssertEqual(effects, [.loadCode("examples/hello.py")])
        XCTAssertEqual(state.code.title, "hello.py")
        XCTAssertNil(state.knobs.flags.cmd)
        XCTAssertEqual(state.knobs.effective.entry("codeSource")?.value, "file examples/hello.py")
    }

    func testAnUnknownSourceNamesTheChoices() {
        var state = Fixture.state()
        state.command("code somewhere")
        XCTAssertTrue(state.prompt?.error?.contains("file PATH, inline [CODE] or cmd [COMMAND]") == true, state.prompt?.error ?? "")
    }
}
