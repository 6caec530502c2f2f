/// A list or table with an optional header row and one selected row.
public struct ListView: Hashable, Sendable {
    /// Columns; a single untitled column when empty.
    public var columns: [TableColumn]
    /// Draw the column titles on the first row.
    public var showHeader: Bool
    /// Blank columns between table columns.
    public var columnSpacing: Int
    /// Prefix drawn on the selected row (and as blank space on the others), e.g. `"> "`,
    /// so the selection also shows in a text-only capture.
    public var selectionMarker: String

    /// Creates a list view.
    public init(columns: [TableColumn] = [], showHeader: Bool = false,
                columnSpacing: Int = 1, selectionMarker: String = "") {
        self.columns = columns
        self.showHeader = showHeader
        self.columnSpacing = max(0, columnSpacing)
        self.selectionMarker = selectionMarker
    }

    /// Rows available for items in `area` (the header takes one).
    public func itemHeight(for area: Rect) -> Int {
        max(0, area.height - (showHeader ? 1 : 0))
    }

    /// Draws `rows` into `area`, scrolled so the selection is visible.
    public func draw<Rows: RandomAccessCollection>(
        _ rows: Rows, state: ListViewState, in canvas: inout Canvas, area: Rect, theme: Theme
    ) where Rows.Element == ListRow {
        canvas.fill(area, style: theme[.text])
        guard !area.isEmpty else { return }
        let columns = self.columns.isEmpty ? [TableColumn("")] : self.columns
        let markerWidth = DisplayWidth.of(selectionMarker)
        let contentWidth = max(0, area.width - markerWidth)
        let widths = Layout.sizes(for: columns.map(\.width), total: contentWidth, spacing: columnSpacing)
        let gap = Layout.effectiveSpacing(columnSpacing, count: columns.count, total: contentWidth)

        var y = area.y
        if showHeader {
            drawCells(columns.map(\.title), columns: columns, widths: widths, gap: gap,
                      x: area.x + markerWidth, y: y, in: &canvas, style: theme[.header])
            y += 1
        }
        let height = area.bottom - y
        guard height > 0 else { return }
        let count = rows.count
        let top = state.visibleOffset(count: count, height: height)
        for r in 0..<height {
            let index = top + r
            guard index < count else { break }
            let row = rows[rows.index(rows.startIndex, offsetBy: index)]
            let isSelected = state.selected == index
            let style = row.style ?? theme[.text]
            if markerWidth > 0 && isSelected {
                canvas.put(selectionMarker, at: area.x, y + r, style: style, clipWidth: area.width)
            }
            drawCells(row.cells, columns: columns, widths: widths, gap: gap,
                      x: area.x + markerWidth, y: y + r, in: &canvas, style: style)
            if isSelected {
                var selection = theme[.selection]
                // A selection style without colours keeps the row's own colours (e.g. red
                // for blocked) and just adds its attributes.
                if selection.fg == .default && selection.bg == .default {
                    selection = style.adding(selection.attributes)
                }
                canvas.setStyle(selection, in: Rect(x: area.x, y: y + r, width: area.width, height: 1))
            }
        }
    }

    private func drawCells(_ texts: [String], columns: [TableColumn], widths: [Int], gap: Int,
                           x: Int, y: Int, in canvas: inout Canvas, style: Style) {
        var cx = x
        for (i, column) in columns.enumerated() {
            let w = widths[i]
            if w > 0 {
                // The cell's blanks are filled, not padded into a new string.
                let text = DisplayWidth.truncate(i < texts.count ? texts[i] : "", to: w, ellipsis: "…")
                let spare = w - DisplayWidth.of(text)
                let offset = switch column.alignment {
                case .left: 0
                case .right: spare
                case .center: spare / 2
                }
                canvas.fill(Rect(x: cx, y: y, width: w, height: 1), style: style)
                canvas.put(text, at: cx + offset, y, style: style, clipWidth: w - offset)
            }
            cx += w + gap
        }
    }
}
