/// Anything the backend reads from the terminal.
public enum InputEvent: Hashable, Sendable {
    /// A key (or a resize, which terminals report through the key stream).
    case key(KeyEvent)
    /// A mouse click or wheel step.
    case mouse(MouseEvent)
}
