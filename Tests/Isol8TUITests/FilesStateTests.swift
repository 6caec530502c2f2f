import Foundation
import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// The file viewer shows text sanitised and binary as a hex dump; the tree's keys move, open
/// and close; an entry that is not a regular file is not opened.
final class FilesStateTests: XCTestCase {
    func testTextIsSanitisedAndBinaryIsDumpedInHex() {
        let text = FilesState.FileView(path: "/sandbox/t", data: Data("a\u{1B}[31mred\nb".utf8))
        XCTAssertEqual(text.lines, ["a␛[31mred", "b"])
        let binary = FilesState.FileView(path: "/sandbox/b", data: Data([0x00, 0x41, 0xFF] + Array(repeating: 0x42, count: 15)))
        XCTAssertEqual(binary.lines, ["00000000  00 41 ff 42 42 42 42 42 42 42 42 42 42 42 42 42  |.A.BBBBBBBBBBBBB|",
                                      "00000010  42 42                                            |BB|"])
    }

    func testEnterOpensOnlyRegularFilesAndEscClosesStepByStep() {
        var state = Fixture.state(Size(width: 120, height: 40))
        let now = Date()
        state.send(.filesListed(sandbox: "c1", [SandboxFile(path: "/sandbox/dir", kind: .directory, size: 40, modified: now),
                                               SandboxFile(path: "/sandbox/x", kind: .file, size: 2, modified: now)]))
        XCTAssertEqual(state.press("enter"), [], "a directory does not open")
        XCTAssertTrue(state.status.message?.contains("is a directory") == true)
        XCTAssertEqual(state.press("down", "enter"), [.readFile(sandbox: "c1", path: "/sandbox/x")])
        state.send(.fileRead(sandbox: "c1", path: "/sandbox/x", Data("42".utf8)))
        XCTAssertTrue(state.screen.contains { $0.contains("File /sandbox/x") })
        state.press("escape")
        XCTAssertTrue(state.screen.contains { $0.contains("Files of c1 (2)") })
        state.press("escape")
        XCTAssertFalse(state.screen.contains { $0.contains("Files of") })
    }

    func testFileCommandsNeedAContainer() {
        var state = Fixture.state()
        state.command("files")
        XCTAssertTrue(state.prompt?.error?.contains("files: no container to look in") == true, state.prompt?.error ?? "")
    }
}
