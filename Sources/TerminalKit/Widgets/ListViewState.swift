/// Selection and scroll offset of a ``ListView``, kept in the app state.
public struct ListViewState: Hashable, Sendable {
    /// Index of the selected row, `nil` when nothing is selected.
    public var selected: Int?
    /// Index of the first row shown.
    public var offset: Int

    /// Creates a state.
    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = max(0, offset)
    }

    /// Moves the selection by `delta` rows (clamped to `count`), selecting the first row when
    /// nothing was selected, and scrolls so it stays within `height` visible rows.
    public mutating func move(by delta: Int, count: Int, height: Int) {
        guard count > 0 else {
            selected = nil
            offset = 0
            return
        }
        let next = selected.map { $0 + delta } ?? (delta < 0 ? count - 1 : 0)
        select(next, count: count, height: height)
    }

    /// Selects row `index` (clamped) and scrolls it into view.
    public mutating func select(_ index: Int, count: Int, height: Int) {
        guard count > 0 else {
            selected = nil
            offset = 0
            return
        }
        selected = min(max(0, index), count - 1)
        offset = visibleOffset(count: count, height: height)
    }

    /// The first row to draw so the selection is visible and no space is wasted below the last
    /// row. Views call it while drawing, so a stale `offset` never hides the selection.
    public func visibleOffset(count: Int, height: Int) -> Int {
        let height = max(1, height)
        var top = min(offset, max(0, count - height))
        if let s = selected {
            if s < top { top = s }
            if s >= top + height { top = s - height + 1 }
        }
        return max(0, top)
    }
}
