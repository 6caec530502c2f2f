import TerminalKit

/// Mouse: a click focuses the pane under it (and picks the row in a list), the wheel scrolls
/// the pane under the pointer.
extension AppState {
    /// Rows one wheel step scrolls.
    static let wheelStep = 3

    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        guard mouseEnabled else { return [] }
        if case .diff(var diff)? = focus.overlays.last {
            if case .click = event.kind { return [] }
            let lines = DiffLines.build(diff.diff, theme: theme)
            for _ in 0..<AppState.wheelStep {
                AppState.scrollText(&diff.view, event.kind == .wheelUp ? .up : .down, lines: lines, viewport: diffViewport)
            }
            replaceTopOverlay(.diff(diff))
            return []
        }
        guard focus.overlays.isEmpty else { return [] }
        let layout = ScreenLayout(size: size, focus: focus)
        guard let pane = layout.pane(atX: event.x, y: event.y) else { return [] }
        switch event.kind {
        case .click:
            focus.focus(pane)
            selectRow(at: event.y, in: pane, layout: layout)
        case .wheelUp, .wheelDown:
            for _ in 0..<AppState.wheelStep { scroll(event.kind == .wheelUp ? .up : .down, in: pane) }
        }
        return []
    }

    /// In a list pane, selects the row clicked (the first content row is the header).
    private mutating func selectRow(at y: Int, in pane: PaneID, layout: ScreenLayout) {
        let inner = layout.inner(pane)
        let height = inner.height - 1
        let row = y - inner.y - 1
        guard row >= 0 else { return }
        func pick(_ list: inout ListViewState, count: Int) {
            let index = list.visibleOffset(count: count, height: height) + row
            if index < count { list.select(index, count: count, height: height) }
        }
        switch pane {
        case .network: pick(&network.list, count: network.entries.count)
        case .config: pick(&config, count: ConfigPaneView.rows(knobs, target: targets.current, theme: theme).count)
        case .history: pick(&history.list, count: history.runs.count)
        default: break
        }
    }
}
