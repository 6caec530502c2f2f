import TerminalKit

/// Scrolling, list selection and search in the panes.
extension AppState {
    /// Applies a movement command to `pane`.
    mutating func scroll(_ command: KeyCommand, in pane: PaneID) {
        let viewport = self.viewport(pane)
        switch pane {
        case .code:
            AppState.scrollText(&code.view, command, lines: CodeLinesView(code, theme: theme), viewport: viewport)
        case .output:
            AppState.scrollText(&output.view, command, lines: LogLinesView(output, theme: theme), viewport: viewport)
        case .debug:
            AppState.scrollText(&debug.view, command, lines: LogLinesView(debug, theme: theme), viewport: viewport)
        case .container:
            let lines = ContainerLines.build(container, now: now, theme: theme)
            AppState.scrollText(&container.view, command, lines: lines, viewport: viewport)
        case .network:
            AppState.moveSelection(&network.list, command, count: network.entries.count, height: viewport.height - 1)
        case .config:
            AppState.moveSelection(&config, command, count: ConfigPaneView.rows(knobs, target: targets.current, theme: theme).count, height: viewport.height - 1)
        case .history:
            AppState.moveSelection(&history.list, command, count: history.runs.count, height: viewport.height - 1)
        }
    }

    /// The content size of `pane` as laid out now.
    func viewport(_ pane: PaneID) -> Size {
        ScreenLayout(size: size, focus: focus).inner(pane).size
    }

    static func scrollText<Lines: RandomAccessCollection>(
        _ view: inout TextViewState, _ command: KeyCommand, lines: Lines, viewport: Size
    ) where Lines.Element == Line {
        switch command {
        case .up: view.scroll(by: -1, lines: lines, viewport: viewport)
        case .down: view.scroll(by: 1, lines: lines, viewport: viewport)
        case .pageUp: view.pageUp(lines: lines, viewport: viewport)
        case .pageDown: view.pageDown(lines: lines, viewport: viewport)
        case .top: view.scrollToTop()
        case .bottom: view.scrollToBottom()
        case .left: view.scrollLeft(viewport: viewport)
        case .right: view.scrollRight(lines: lines, viewport: viewport)
        case .toggleWrap: view.setWrap(!view.wrap)
        case .toggleFollow:
            if view.follow {
                // Stay on the last screenful instead of jumping to the stored position.
                view.firstLine = max(0, lines.count - viewport.height)
                view.firstRow = 0
                view.follow = false
            } else {
                view.scrollToBottom()
            }
        default: break
        }
    }

    static func moveSelection(_ list: inout ListViewState, _ command: KeyCommand, count: Int, height: Int) {
        let height = max(1, height)
        switch command {
        case .up: list.move(by: -1, count: count, height: height)
        case .down: list.move(by: 1, count: count, height: height)
        case .pageUp: list.move(by: -height, count: count, height: height)
        case .pageDown: list.move(by: height, count: count, height: height)
        case .top: list.select(0, count: count, height: height)
        case .bottom: list.select(count - 1, count: count, height: height)
        default: break
        }
    }

    /// Starts a `/` search in the focused log (Debug when focused, else Output) and jumps to
    /// the first match.
    mutating func startSearch(_ query: String) {
        let pane: PaneID = focus.pane == .debug ? .debug : .output
        guard let matcher = TextMatcher(query) else {
            updateLog(pane) { $0.search = nil }
            return
        }
        updateLog(pane) { $0.search = OutputSearch(matcher: matcher) }
        jumpToMatch(forward: true)
    }

    /// Moves to the next (or previous) match and scrolls it to the middle of the pane.
    mutating func jumpToMatch(forward: Bool) {
        let pane: PaneID = focus.pane == .debug ? .debug : .output
        let viewport = self.viewport(pane)
        var message: (String, Bool)?
        updateLog(pane) { log in
            guard let search = log.search else {
                message = ("no search yet: press / and type", true)
                return
            }
            let start = search.currentLine ?? (log.view.follow ? log.lineCount : log.view.firstLine - 1)
            guard let line = log.findMatch(after: start, forward: forward) else {
                log.search?.currentLine = nil
                message = ("no match for \"\(search.matcher.query)\"", true)
                return
            }
            log.search?.currentLine = line
            log.view.follow = false
            log.view.firstRow = 0
            log.view.firstLine = max(0, line - viewport.height / 2)
            message = ("\"\(search.matcher.query)\" at line \(line + 1 - log.markerLines)", false)
        }
        if let (text, isError) = message { status.say(text, error: isError) }
    }

    private mutating func updateLog(_ pane: PaneID, _ change: (inout LogState) -> Void) {
        if pane == .debug { change(&debug) } else { change(&output) }
    }
}
