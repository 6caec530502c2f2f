/// A scrollable view of many lines (program output, source code, logs).
///
/// Only the rows on screen are laid out: drawing reads the lines from the top position until
/// the area is full, and with wrapping walks only those lines (plus, when following, the lines
/// needed to find the bottom). A million-line buffer costs the same as a screenful.
public struct TextView: Sendable {
    /// Background of the area (empty rows and the space right of short lines).
    public var style: Style

    /// Creates a view.
    public init(style: Style = .plain) {
        self.style = style
    }

    /// Draws `lines` scrolled as `state` says into `area`.
    public func draw<Lines: RandomAccessCollection>(
        _ lines: Lines, state: TextViewState, in canvas: inout Canvas, area: Rect
    ) where Lines.Element == Line {
        canvas.fill(area, style: style)
        guard !area.isEmpty, !lines.isEmpty else { return }
        let count = lines.count
        let top = state.topPosition(lines, viewport: area.size)

        if !state.wrap {
            for r in 0..<area.height {
                let i = top.line + r
                guard i < count else { break }
                canvas.put(TextViewState.line(lines, i), at: area.x, area.y + r,
                           clipWidth: area.width, skipColumns: state.column)
            }
            return
        }

        var screenRow = 0
        var i = top.line
        var skipRows = top.row
        while screenRow < area.height && i < count {
            let line = TextViewState.line(lines, i)
            var lastRow = skipRows
            line.forEachWrappedCell(width: area.width, fromRow: skipRows) { row, col, symbol, w, cellStyle in
                lastRow = row
                let y = screenRow + row - skipRows
                guard y < area.height else { return false }
                canvas.set(symbol, width: w, x: area.x + col, y: area.y + y, style: cellStyle)
                return true
            }
            screenRow += lastRow + 1 - skipRows
            skipRows = 0
            i += 1
        }
    }
}
