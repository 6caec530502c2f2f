import TerminalKit

/// What the terminal reports to the loop.
public enum DeviceEvent: Equatable, Sendable {
    /// A key or mouse event.
    case input(InputEvent)
    /// The window changed size.
    case resize(Size)
    /// ``TerminalDevice/wake()`` interrupted the wait.
    case wake
}
