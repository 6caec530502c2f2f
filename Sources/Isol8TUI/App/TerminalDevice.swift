import TerminalKit

/// The terminal the loop drives: the curses backend in the executable, an in-memory screen
/// in tests. Every call happens on the UI thread except ``wake()``.
public protocol TerminalDevice: TerminalHost {
    /// Current size in cells.
    var size: Size { get }
    /// Puts a frame on screen (only the cells that changed).
    func draw(_ canvas: Canvas, cursor: (x: Int, y: Int)?)
    /// Waits up to `timeoutMs` for the next event; `nil` on timeout.
    func nextEvent(timeoutMs: Int) -> DeviceEvent?
    /// Interrupts a pending ``nextEvent(timeoutMs:)``; safe from any thread.
    func wake()
}
