import Isol8Core
import TerminalKit

/// Key dispatch: the top overlay gets the key first, then the focused pane's table, then the
/// global table.
extension AppState {
    mutating func handleKey(_ key: KeyEvent) -> [Effect] {
        if case .resize(let width, let height) = key {
            size = Size(width: width, height: height)
            return []
        }
        guard let top = focus.overlays.last else {
            guard let command = keymap.command(for: key, in: .pane(focus.pane)) else { return [] }
            return perform(command)
        }
        switch top {
        case .prompt(let prompt):
            return handlePromptKey(key, prompt)
        case .confirmQuit(var dialog):
            switch dialog.handle(key) {
            case .chosen(0):
                return [.quit]
            case .chosen, .cancelled:
                focus.overlays.removeLast()
            case .handled:
                replaceTopOverlay(.confirmQuit(dialog))
            case .ignored:
                if key == .ctrl("c") { focus.overlays.removeLast() }
            }
            return []
        case .help(let scroll):
            switch key {
            case .escape, .char("?"), .char("q"), .ctrl("c"), .enter:
                focus.overlays.removeLast()
            case .up, .char("k"): scrollHelp(from: scroll, by: -1)
            case .down, .char("j"): scrollHelp(from: scroll, by: 1)
            case .pageUp: scrollHelp(from: scroll, by: -10)
            case .pageDown, .char(" "): scrollHelp(from: scroll, by: 10)
            default: break
            }
            return []
        case .targets:
            return handleTargetsKey(key)
        case .files(let files):
            return handleFilesKey(key, files)
        case .workflow:
            if key == .escape || key == .char("q") { focus.overlays.removeLast() }
            return []
        case .rules(let selected):
            return handleRulesKey(key, selected: selected)
        case .runOutput(let id, let first):
            let count = history.record(id)?.output.count ?? 0
            let page = max(1, size.height - 6)
            var line = first
            switch key {
            case .up, .char("k"): line -= 1
            case .down, .char("j"): line += 1
            case .pageUp: line -= page
            case .pageDown, .char(" "): line += page
            case .escape, .char("q"):
                focus.overlays.removeLast()
                return []
            default: break
            }
            focus.overlays[focus.overlays.count - 1] = .runOutput(run: id, firstLine: min(max(0, line), max(0, count - 1)))
            return []
        case .diagnosis(let selected):
            return handleDiagnosisKey(key, selected: selected)
        case .sandboxes:
            return handleSandboxesKey(key)
        case .confirmSandbox(let dialog, let action):
            return handleSandboxConfirmation(key, dialog, action)
        case .diff(var diff):
            guard let command = keymap.command(for: key, in: .diff) else { return [] }
            if command == .back {
                focus.overlays.removeLast()
                return []
            }
            let lines = DiffLines.build(diff.diff, theme: theme)
            AppState.scrollText(&diff.view, command, lines: lines, viewport: diffViewport)
            replaceTopOverlay(.diff(diff))
            return []
        }
    }

    /// Does what a key command names.
    mutating func perform(_ command: KeyCommand) -> [Effect] {
        if let pane = command.focusTarget {
            focus.focus(pane)
            return []
        }
        switch command {
        case .run: return startRun()
        case .cancel: return cancelRun()
        case .quit: return requestQuit()
        case .help:
            focus.overlays.append(.help(scroll: 0))
        case .command:
            openPrompt(.command, text: "")
        case .nextPane, .prevPane:
            let all = PaneID.allCases
            let i = all.firstIndex(of: focus.pane)!
            focus.focus(all[(i + (command == .nextPane ? 1 : all.count - 1)) % all.count])
        case .zoom:
            focus.zoomed.toggle()
        case .back:
            if !focus.overlays.isEmpty {
                focus.overlays.removeLast()
            } else if focus.zoomed {
                focus.zoomed = false
            } else if focus.pane == .output {
                output.search = nil
            } else if focus.pane == .debug {
                debug.search = nil
            }
        case .cycleTheme:
            let i = themeNames.firstIndex(of: themeName) ?? -1
            return themeNames.isEmpty ? [] : [.loadTheme(themeNames[(i + 1) % themeNames.count])]
        case .toggleMouse:
            return setMouse(!mouseEnabled)
        case .redraw:
            return [.redraw]
        case .up, .down, .pageUp, .pageDown, .top, .bottom, .left, .right, .toggleWrap, .toggleFollow:
            scroll(command, in: focus.pane)
        case .search:
            openPrompt(.search, text: "")
        case .nextMatch, .prevMatch:
            jumpToMatch(forward: command == .nextMatch)
        case .saveOutput:
            openPrompt(.command, text: "save isol8-output-\(max(1, nextRunID - 1)).txt")
        case .clear:
            if focus.pane == .debug { debug.clear() } else { output.clear() }
        case .editCode:
            if let path = code.path { return [.openEditor(path)] }
            let flags = knobs.flags
            guard let inline = flags.cmd ?? flags.eval else {
                status.say("the code comes from \(code.title) when a run starts; there is nothing to edit here", error: true)
                return []
            }
            let runtime = flags.cmd != nil ? Runtime.bash : knobs.runtime
            return [.editInline(text: inline, fileExtension: RuntimeRegistry.adapter(for: runtime).defaultExtension)]
        case .refreshContainer:
            return refreshContainer()
        case .openShell:
            return openShell()
        case .sandboxes:
            return openSandboxes()
        case .markRun:
            guard let i = history.list.selected, history.runs.indices.contains(i) else { return [] }
            history.toggleMark(history.runs[i].id)
        case .diffRuns:
            openDiff()
        case .editRules:
            focus.overlays.append(.rules(selected: 0))
        case .openRunOutput:
            guard let i = history.list.selected, history.runs.indices.contains(i) else { return [] }
            let record = history.runs[i]
            guard !record.outputReleased else {
                status.say("run #\(record.id)'s output was let go to keep History within \(Format.bytes(HistoryState.outputBudgetBytes))", error: true)
                return []
            }
            focus.overlays.append(.runOutput(run: record.id, firstLine: 0))
        case .diagnose:
            openDiagnosis()
        case .applyFix:
            return applyFix(0)
        case .focusCode, .focusOutput, .focusNetwork, .focusContainer, .focusConfig, .focusDebug, .focusHistory:
            break  // handled above
        }
        return []
    }

    mutating func setMouse(_ on: Bool) -> [Effect] {
        mouseEnabled = on
        status.say(on ? "mouse captured: click focuses, wheel scrolls" : "mouse released: the terminal can select text")
        return [.setMouse(on)]
    }

    /// Scrolls the help, stopping where its last line reaches the bottom of the box.
    private mutating func scrollHelp(from scroll: Int, by delta: Int) {
        let body = ScreenLayout(size: size, focus: focus).body
        let visible = body.height - 2
        let last = max(0, HelpOverlay.lines(self, width: HelpOverlay.box(in: body).textWidth).count - visible)
        replaceTopOverlay(.help(scroll: min(max(0, scroll + delta), last)))
    }

    mutating func replaceTopOverlay(_ overlay: Overlay) {
        focus.overlays[focus.overlays.count - 1] = overlay
    }

    private mutating func requestQuit() -> [Effect] {
        guard let run else { return [.quit] }
        let dialog = Dialog(title: "Quit?", message: "Run #\(run.id) is still running. Quit and cancel it?",
                            buttons: ["Quit", "Stay"], selectedButton: 1)
        focus.overlays.append(.confirmQuit(dialog))
        return []
    }

    private mutating func openDiff() {
        let ids: [Int]
        if history.marked.count == 2 {
            ids = history.marked
        } else if history.marked.isEmpty && history.runs.count >= 2 {
            ids = history.runs.suffix(2).map(\.id)
        } else {
            status.say("mark two runs with space in History (7), then press d", error: true)
            return
        }
        guard let a = history.record(ids[0]), let b = history.record(ids[1]) else { return }
        focus.overlays.append(.diff(DiffState(diff: RunDiff(a, b))))
    }

    /// The diff overlay's text area.
    var diffViewport: Size {
        Pane().inner(ScreenLayout(size: size, focus: focus).body).size
    }
}
