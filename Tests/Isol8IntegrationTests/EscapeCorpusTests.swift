import Foundation
import Isol8TestSupport
import XCTest

/// The escape-sequence corpus printed by sandboxed code through `isol8 run` into a real
/// terminal (tmux, with programs allowed to write its clipboard): the title, the clipboard and
/// the screen mode stay as they were, and every sequence shows as text.
final class EscapeCorpusTests: XCTestCase {
    func testNothingInTheCorpusReachesTheTerminalRaw() throws {
        let directory = try EscapeCorpus.folderWithProgram()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The run waits for Enter, so the clipboard option is set and the title read before it.
        let session = try TmuxSession("sh -c 'read go; \(CLI.binary.path) run corpus.py; echo run-exit=$?; sleep 600'",
                                      width: 120, height: 30, directory: directory.path, in: self)
        try session.setOption("set-clipboard", "on")
        let title = try session.paneFormat("#{pane_title}")
        try session.press("Enter")
        let screen = try session.waitFor("the whole corpus and the exit status") { rows in
            rows.contains("run-exit=0") && EscapeCorpus.visibleLines.allSatisfy(rows.contains)
        }
        XCTAssertEqual(try session.paneFormat("#{pane_title}"), title, screen.joined(separator: "\n"))
        XCTAssertEqual(try session.paneFormat("#{alternate_on}"), "0")
        XCTAssertEqual(try session.buffers(), [], "the clipboard was written")
    }
}
