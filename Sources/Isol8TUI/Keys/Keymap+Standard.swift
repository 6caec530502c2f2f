import TerminalKit

/// The keys isol8-tui ships with: the conventions of lazydocker and k9s (arrows and hjkl,
/// Tab and digits for panes, `/` search then n/N, `:` commands, `?` help, `q` quit).
extension Keymap {
    /// The default keymap.
    public static let standard = Keymap(tables: [
        KeyTable(.global, [
            KeyBinding([.char("r"), .function(5)], .run, "run the code with the current knobs"),
            KeyBinding([.char("x"), .ctrl("c")], .cancel, "cancel the active run"),
            KeyBinding([.char("q")], .quit, "quit (asks first while a run is active)"),
            KeyBinding([.char("?")], .help, "show this help"),
            KeyBinding([.char(":")], .command, "command prompt (:set memory 32m, :allow REGEX …)"),
            KeyBinding([.tab], .nextPane, "focus the next pane"),
            KeyBinding([.backTab], .prevPane, "focus the previous pane"),
            KeyBinding([.char("1")], .focusCode, "focus the Code pane"),
            KeyBinding([.char("2")], .focusOutput, "focus the Output pane"),
            KeyBinding([.char("3")], .focusNetwork, "focus the Network pane"),
            KeyBinding([.char("4")], .focusContainer, "focus the Container pane"),
            KeyBinding([.char("5")], .focusConfig, "focus the Config pane"),
            KeyBinding([.char("6")], .focusDebug, "focus the Debug pane"),
            KeyBinding([.char("7")], .focusHistory, "focus the History pane"),
            KeyBinding([.enter], .zoom, "zoom the focused pane to the whole screen"),
            KeyBinding([.escape], .back, "close the overlay, then unzoom"),
            KeyBinding([.char("t")], .cycleTheme, "switch to the next theme"),
            KeyBinding([.char("m")], .toggleMouse, "toggle mouse capture (off lets the terminal select text)"),
            KeyBinding([.ctrl("l")], .redraw, "redraw the screen"),
            KeyBinding([.char("D")], .diagnose, "diagnosis of the last run: what failed, why, and the fix"),
            KeyBinding([.char("F")], .applyFix, "apply the diagnosis' fix (sets the knob) and run again"),
            KeyBinding([.char("s")], .sandboxes, "list the target's sandboxes (containers or server sessions)"),
        ]),
        KeyTable(.pane(.code), scrolling(lines: "code") + [
            KeyBinding([.char("e")], .editCode, "edit the code in $EDITOR (the file, or the -e / --cmd text), then reload it"),
        ]),
        KeyTable(.pane(.output), scrolling(lines: "output") + searching + [
            KeyBinding([.char("w")], .toggleWrap, "toggle line wrapping"),
            KeyBinding([.char("f")], .toggleFollow, "toggle following new output"),
            KeyBinding([.ctrl("s")], .saveOutput, "save the output to a file"),
            KeyBinding([.char("c")], .clear, "clear the output"),
        ]),
        KeyTable(.pane(.network), selecting(rows: "request") + [
            KeyBinding([.char("R")], .editRules, "the allow and deny rules: add, remove, reorder"),
        ]),
        KeyTable(.pane(.container), scrolling(lines: "container details") + [
            KeyBinding([.char("R")], .refreshContainer, "inspect the container again now"),
            KeyBinding([.char("S")], .openShell, "open a shell (bash, else sh) in the container; exit returns here"),
        ]),
        KeyTable(.pane(.config), selecting(rows: "setting")),
        KeyTable(.pane(.debug), scrolling(lines: "debug log") + searching + [
            KeyBinding([.char("w")], .toggleWrap, "toggle line wrapping"),
            KeyBinding([.char("c")], .clear, "clear the debug log"),
        ]),
        KeyTable(.pane(.history), selecting(rows: "run") + [
            KeyBinding([.char(" ")], .markRun, "mark or unmark the run for a diff"),
            KeyBinding([.char("d")], .diffRuns, "diff the two marked runs (or the last two)"),
            KeyBinding([.char("o")], .openRunOutput, "read the selected run's own output again"),
        ]),
        KeyTable(.diff, scrolling(lines: "diff") + [
            KeyBinding([.escape, .char("q")], .back, "close the diff"),
        ]),
    ])

    private static func scrolling(lines what: String) -> [KeyBinding] {
        [
            KeyBinding([.up, .char("k")], .up, "scroll the \(what) up"),
            KeyBinding([.down, .char("j")], .down, "scroll the \(what) down"),
            KeyBinding([.pageUp, .ctrl("b")], .pageUp, "page up"),
            KeyBinding([.pageDown, .ctrl("f")], .pageDown, "page down"),
            KeyBinding([.home, .char("g")], .top, "go to the top"),
            KeyBinding([.end, .char("G")], .bottom, "go to the bottom (and follow)"),
            KeyBinding([.left, .char("h")], .left, "scroll left"),
            KeyBinding([.right, .char("l")], .right, "scroll right"),
        ]
    }

    private static func selecting(rows what: String) -> [KeyBinding] {
        [
            KeyBinding([.up, .char("k")], .up, "select the previous \(what)"),
            KeyBinding([.down, .char("j")], .down, "select the next \(what)"),
            KeyBinding([.pageUp, .ctrl("b")], .pageUp, "page up"),
            KeyBinding([.pageDown, .ctrl("f")], .pageDown, "page down"),
            KeyBinding([.home, .char("g")], .top, "select the first \(what)"),
            KeyBinding([.end, .char("G")], .bottom, "select the last \(what)"),
        ]
    }

    private static let searching: [KeyBinding] = [
        KeyBinding([.char("/")], .search, "search (smart case)"),
        KeyBinding([.char("n")], .nextMatch, "next match"),
        KeyBinding([.char("N")], .prevMatch, "previous match"),
    ]
}
