/// One cell the backend must redraw, produced by ``Canvas/diff(from:)``.
public struct CellChange: Hashable, Sendable {
    /// Column.
    public var x: Int
    /// Row.
    public var y: Int
    /// The new content; a wide cell also covers column `x + 1`.
    public var cell: Cell

    /// Creates a change.
    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}
