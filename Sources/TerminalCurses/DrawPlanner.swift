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
        guard let previous, previous.size == next.size else {
            return DrawPlan(clearsScreen: true, changes: repaint(next, screen: screen))
        }
        var out: [CellChange] = []
        for change in next.diff(from: previous) where change.x < screen.width && change.y < screen.height {
            out.append(CellChange(x: change.x, y: change.y, cell: fitted(change.cell, x: change.x, screen: screen)))
        }
        return DrawPlan(clearsScreen: false, changes: out)
    }

    /// Every cell that is not blank, in one pass: a repaint visits all 12,000 cells of a
    /// 200×60 screen, and listing them all before filtering cost more than the drawing.
    private static func repaint(_ canvas: Canvas, screen: Size) -> [CellChange] {
        var out: [CellChange] = []
        out.reserveCapacity(canvas.cells.count)
        let blank = Cell.blank()
        canvas.cells.withUnsafeBufferPointer { cells in
            for y in 0..<min(canvas.height, screen.height) {
                let row = y * canvas.width
                for x in 0..<min(canvas.width, screen.width) where !cells[row + x].isContinuation {
                    let cell = fitted(cells[row + x], x: x, screen: screen)
                    if cell != blank { out.append(CellChange(x: x, y: y, cell: cell)) }
                }
            }
        }
        return out
    }

    /// A wide grapheme whose right half would fall off the screen becomes a blank.
    @inline(__always)
    private static func fitted(_ cell: Cell, x: Int, screen: Size) -> Cell {
        cell.width == 2 && x + 1 >= screen.width ? .blank(cell.style) : cell
    }
}
