/// A mouse event in screen cells (0-based).
public struct MouseEvent: Hashable, Sendable {
    /// Which button, for clicks.
    public enum Button: Hashable, Sendable {
        case left, middle, right
    }

    /// What happened.
    public enum Kind: Hashable, Sendable {
        /// A button was pressed.
        case click(Button)
        /// The wheel scrolled up (away from the user).
        case wheelUp
        /// The wheel scrolled down.
        case wheelDown
    }

    /// What happened.
    public var kind: Kind
    /// Column.
    public var x: Int
    /// Row.
    public var y: Int

    /// Creates an event.
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
