import TerminalKit

/// One rendered screen: the canvas and where the terminal cursor goes (the prompt's
/// insertion point), or `nil` to hide it.
public struct Frame: Sendable {
    /// The cells.
    public var canvas: Canvas
    /// Cursor position, if shown.
    public var cursor: (x: Int, y: Int)?
}
