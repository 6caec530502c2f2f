import Foundation
import Isol8TestSupport
import XCTest

/// The escape-sequence corpus printed by sandboxed code into the real `isol8-tui` in tmux: the
/// Output pane shows every sequence as text, and the terminal's title, clipboard and screen
/// mode stay as the TUI set them.
final class EscapeCorpusEndToEndTests: XCTestCase {
    func testTheOutputPaneShowsTheCorpusAndTheTerminalIsUntouched() throws {
        let directory = try EscapeCorpus.folderWithProgram()
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try TmuxSession("\(BuiltProduct.path("isol8-tui")) corpus.py", width: 140, height: 50, directory: directory.path, in: self)
        try session.setOption("set-clipboard", "on")
        try session.waitFor("the first frame with the local target answering") { rows in
            rows.first.map { $0.contains("local") && !$0.contains("connecting") } ?? false
        }
        let title = try session.paneFormat("#{pane_title}")
        let alternate = try session.paneFormat("#{alternate_on}")
        try session.press("r")
        // The code pane shows the source (`\x1b` as written), never these neutralised forms.
        let expected = EscapeCorpus.visibleLines.dropLast()
        let screen = try session.waitFor("exit 0 and the whole corpus in the Output pane") { rows in
            rows.contains { $0.contains("run #1: exit 0") } && expected.allSatisfy { line in rows.contains { $0.contains(line) } }
        }
        XCTAssertEqual(try session.paneFormat("#{pane_title}"), title, screen.joined(separator: "\n"))
        XCTAssertEqual(try session.paneFormat("#{alternate_on}"), alternate)
        XCTAssertEqual(try session.buffers(), [], "the clipboard was written")
        try session.press("q")
    }
}
