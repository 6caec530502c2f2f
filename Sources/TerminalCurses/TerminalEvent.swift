import TerminalKit

/// What ``CursesTerminal/nextEvent(timeoutMs:)`` delivers.
public enum TerminalEvent: Hashable, Sendable {
    /// A key or mouse event.
    case input(InputEvent)
    /// The terminal now has this size; the next ``CursesTerminal/draw(_:cursor:)`` repaints
    /// everything, so draw a canvas of this size.
    case resize(Size)
    /// ``CursesTerminal/wake()`` (or ``TerminalWaker/wake()``) was called. Several calls
    /// between two `nextEvent` calls arrive as one `.wake`.
    case wake
}
