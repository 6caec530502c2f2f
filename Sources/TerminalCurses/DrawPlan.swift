import TerminalKit

/// The cells one frame writes, in order.
struct DrawPlan: Hashable, Sendable {
    /// Erase the screen before writing (first frame, after a resize or `invalidate()`).
    var clearsScreen: Bool
    /// Cells to write in reading order; never a continuation cell.
    var changes: [CellChange]

    /// Nothing to write and nothing to clear.
    var isEmpty: Bool { !clearsScreen && changes.isEmpty }
}
