import Isol8Core
import Foundation
import TerminalKit
import XCTest
@testable import Isol8TUI

/// Keys are data: one table per pane, overridable from the config, documented from the tables.
final class KeymapTests: XCTestCase {
    func testEveryCommandHasAKeyAndNoTableBindsAKeyTwice() {
        let keymap = Keymap.standard
        let bound = Set(keymap.tables.flatMap { $0.bindings.map(\.command) })
        XCTAssertEqual(bound, Set(KeyCommand.allCases))
        for table in keymap.tables {
            let keys = table.bindings.flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "duplicate key in \(table.context.name)")
        }
    }

    func testPaneTablesComeBeforeTheGlobalTable() {
        let keymap = Keymap.standard
        XCTAssertEqual(keymap.command(for: .char("c"), in: .pane(.output)), .clear)
        XCTAssertEqual(keymap.command(for: .char("r"), in: .pane(.output)), .run)
        XCTAssertNil(keymap.command(for: .char("r"), in: .diff), "the diff view is modal")
    }

    func testConfigOverridesRebindEverywhereOrInOnePane() {
        let (keymap, warnings) = Keymap.standard.applying(overrides: [
            "keys.run": "ctrl-r, F6",
            "keys.output.search": "s",
            "theme": "light",
        ])
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(keymap.command(for: .ctrl("r"), in: .pane(.code)), .run)
        XCTAssertEqual(keymap.command(for: .function(6), in: .pane(.code)), .run)
        XCTAssertNil(keymap.command(for: .char("r"), in: .pane(.code)), "the old key is gone")
        XCTAssertEqual(keymap.command(for: .char("s"), in: .pane(.output)), .search)
        XCTAssertEqual(keymap.command(for: .char("/"), in: .pane(.debug)), .search, "other panes keep /")

        var state = Fixture.state()
        state.keymap = keymap
        XCTAssertTrue(HintsView.hints(state).contains(KeyHint("ctrl-r", "run")))
        XCTAssertEqual(state.press("r"), [])
        XCTAssertNotNil(startedSpec(state.press("ctrl-r")))
    }

    func testAUserBindingWinsOverThePaneThatHeldTheKey() {
        let (keymap, _) = Keymap.standard.applying(overrides: ["keys.run": "j"])
        XCTAssertEqual(keymap.command(for: .char("j"), in: .pane(.output)), .run)
        XCTAssertEqual(keymap.keys(for: .down, in: .pane(.output)), [.down])
    }

    func testBadOverridesAreReportedAndSkipped() {
        let (keymap, warnings) = Keymap.standard.applying(overrides: [
            "keys.launch": "x",
            "keys.run": "ctrl-alt-q",
            "keys.sidebar.run": "z",
            "keys.history.search": "s",
        ])
        XCTAssertEqual(keymap, Keymap.standard)
        XCTAssertEqual(warnings.count, 4)
        XCTAssertTrue(warnings.contains { $0.contains("tui.keys.launch") && $0.contains("unknown command") })
        XCTAssertTrue(warnings.contains { $0.contains("tui.keys.run") && $0.contains("ctrl and alt") })
        XCTAssertTrue(warnings.contains { $0.contains("unknown context \"sidebar\"") })
        XCTAssertTrue(warnings.contains { $0.contains("tui.keys.history.search") && $0.contains("no binding there") })
    }

    func testHintsFollowOverrides() {
        var state = Fixture.state()
        state.keymap = Keymap.standard.applying(overrides: ["keys.help": "h"]).keymap
        XCTAssertTrue(HintsView.hints(state).contains(KeyHint("h", "help")))
        XCTAssertTrue(state.screen.last!.contains("h help"))
    }

    /// docs/keys.md is generated from the keymap; regenerate with
    /// `.build/debug/isol8-tui --print-keys > docs/keys.md` (or UPDATE_KEYS_DOC=1 swift test).
    func testKeysDocMatchesTheKeymap() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = root.appendingPathComponent("docs/keys.md")
        let expected = Keymap.standard.markdown()
        if ProcessInfo.processInfo.environment["UPDATE_KEYS_DOC"] == "1" {
            try FileManager.default.createDirectory(at: doc.deletingLastPathComponent(), withIntermediateDirectories: true)
            try expected.write(to: doc, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: doc, encoding: .utf8)
        XCTAssertEqual(actual, expected, "docs/keys.md is stale: run with UPDATE_KEYS_DOC=1")
        XCTAssertTrue(expected.contains("| `r`, `F5` | `run` |"))
    }
}
