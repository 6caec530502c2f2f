import TerminalKit

/// Decides which cells a frame writes. Pure, so what reaches curses is testable.
enum DrawPlanner {
    /// The plan for putting `next` on a `screen`-sized terminal that currently shows
    /// `previous` (`nil`: unknown, repaint everything).
    ///
    /// A repaint starts from an erased screen, so blank unstyled cells are left out. Cells
    /// beyond the screen are clipped, and a wide grapheme whose right half would fall off the
    /// edge becomes a blank rather than wrapping.
    static func plan(previous: Canvas?, next: Canvas, screen: Size) -> DrawPlan {
        let changes: [CellChange]
        let repaint: Bool
        if let previous, previous.size == next.size {
            repaint = false
            changes = next.diff(from: previous)
        } else {
            repaint = true
            changes = allCells(of: next)
        }
        var out: [CellChange] = []
        out.reserveCapacity(changes.count)
        for var change in changes where change.x < screen.width && change.y < screen.height {
            if change.cell.width == 2 && change.x + 1 >= screen.width {
                change.cell = .blank(change.cell.style)
            }
            if repaint && change.cell == .blank() { continue }
            out.append(change)
        }
        return DrawPlan(clearsScreen: repaint, changes: out)
    }

    private static func allCells(of canvas: Canvas) -> [CellChange] {
        var all: [CellChange] = []
        all.reserveCapacity(canvas.cells.count)
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas.cells[y * canvas.width + x]
                if !cell.isContinuation { all.append(CellChange(x: x, y: y, cell: cell)) }
            }
        }
        return all
    }
}
