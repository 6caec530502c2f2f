import TerminalKit

/// The whole screen as a pure function of the state: header, panes, status line, key hints
/// and overlays. Nothing here touches the terminal.
public enum AppView {
    /// Draws `state` at its size; with a `cache` (the loop's), panes whose inputs did not
    /// change since it kept them are copied instead of drawn again.
    public static func render(_ state: AppState, cache: PaneCache? = nil) -> Frame {
        let theme = state.theme
        var canvas = Canvas(size: state.size, style: theme[.text])
        let layout = ScreenLayout(size: state.size, focus: state.focus)
        if layout.tooSmall {
            TooSmallView.draw(size: state.size, in: &canvas, theme: theme)
            return Frame(canvas: canvas, cursor: nil)
        }
        HeaderView.draw(state, in: &canvas, area: layout.header)
        for (pane, area) in layout.panes {
            drawPane(pane, state: state, area: area, in: &canvas, cache: cache)
        }
        let cursor = StatusView.draw(state, in: &canvas, area: layout.status)
        HintsView.draw(state, in: &canvas, area: layout.hints)
        for overlay in state.focus.overlays {
            switch overlay {
            case .help(let scroll):
                HelpOverlay.draw(state, scroll: scroll, in: &canvas, area: layout.body)
            case .diff(let diff):
                DiffOverlay.draw(diff, theme: theme, in: &canvas, area: layout.body)
            case .targets:
                TargetsOverlay.draw(state.targets, theme: theme, in: &canvas, area: layout.body)
            case .rules(let selected):
                RulesOverlay.draw(state, selected: selected, in: &canvas, area: layout.body)
            case .runOutput(let id, let first):
                RunOutputOverlay.draw(state, run: id, firstLine: first, in: &canvas, area: layout.body)
            case .workflow:
                WorkflowOverlay.draw(state, in: &canvas, area: layout.body)
            case .files(let files):
                FilesOverlay.draw(files, theme: theme, in: &canvas, area: layout.body)
            case .diagnosis(let selected):
                DiagnosisOverlay.draw(state, selected: selected, in: &canvas, area: layout.body)
            case .sandboxes:
                SandboxesView.draw(state, in: &canvas, area: layout.body)
            case .confirmQuit(let dialog), .confirmSandbox(let dialog, _):
                dialog.draw(in: &canvas, area: layout.body, theme: theme)
            case .prompt:
                break  // drawn on the status line
            }
        }
        return Frame(canvas: canvas, cursor: cursor)
    }

    private static func drawPane(_ pane: PaneID, state: AppState, area: Rect, in canvas: inout Canvas, cache: PaneCache?) {
        let focused = state.focus.pane == pane && state.focus.overlays.isEmpty
        switch (pane, cache) {
        case (.code, let cache?):
            cache.draw(pane, key: CodePaneKey(state, focused: focused), area: area, in: &canvas) {
                CodePaneView.draw(state, focused: focused, in: &$0, area: area)
            }
        case (.network, let cache?):
            cache.draw(pane, key: NetworkPaneKey(state, focused: focused), area: area, in: &canvas) {
                NetworkPaneView.draw(state, focused: focused, in: &$0, area: area)
            }
        default:
            drawPaneAfresh(pane, focused: focused, state: state, area: area, in: &canvas)
        }
    }

    private static func drawPaneAfresh(_ pane: PaneID, focused: Bool, state: AppState, area: Rect, in canvas: inout Canvas) {
        switch pane {
        case .code: CodePaneView.draw(state, focused: focused, in: &canvas, area: area)
        case .output: LogPaneView.drawOutput(state, focused: focused, in: &canvas, area: area)
        case .debug: LogPaneView.drawDebug(state, focused: focused, in: &canvas, area: area)
        case .network: NetworkPaneView.draw(state, focused: focused, in: &canvas, area: area)
        case .container: ContainerPaneView.draw(state, focused: focused, in: &canvas, area: area)
        case .config: ConfigPaneView.draw(state, focused: focused, in: &canvas, area: area)
        case .history: HistoryPaneView.draw(state, focused: focused, in: &canvas, area: area)
        }
    }

    /// The title of a side pane: its own number and name; the other tabs go on the right.
    static func sidePane(_ pane: PaneID, focused: Bool) -> Pane {
        let others = PaneID.side.filter { $0 != pane }.map { "\($0.number) \($0.title)" }.joined(separator: " · ")
        return Pane(title: "\(pane.number) \(pane.title)", rightTitle: others, focused: focused)
    }

    /// Dim explanatory lines in an empty pane.
    static func drawNotice(_ lines: [String], in canvas: inout Canvas, area: Rect, theme: Theme) {
        var y = area.y
        for line in lines {
            for row in wrap(line, width: area.width) where y < area.bottom {
                canvas.put(row, at: area.x, y, style: theme[.dim], clipWidth: area.width)
                y += 1
            }
        }
    }

    /// Word-wraps a notice to `width`.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = [], current = "", currentWidth = 0
        for word in text.split(separator: " ") {
            let wordWidth = DisplayWidth.of(word)
            if current.isEmpty {
                (current, currentWidth) = (String(word), wordWidth)
            } else if currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
            } else {
                rows.append(current)
                (current, currentWidth) = (String(word), wordWidth)
            }
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }
}
