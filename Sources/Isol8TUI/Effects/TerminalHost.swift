/// What effects need from the terminal: handing the screen to `$EDITOR` and back, mouse
/// capture, a full repaint. Called on the UI thread only (curses is single-threaded).
public protocol TerminalHost: AnyObject {
    /// Leaves curses mode so another program can use the terminal.
    func suspend()
    /// Returns to curses mode and repaints.
    func resume()
    /// Captures the mouse, or leaves it to the terminal (for selecting text).
    func setMouse(_ enabled: Bool)
    /// Forgets what is on screen so the next frame repaints every cell.
    func invalidate()
}
