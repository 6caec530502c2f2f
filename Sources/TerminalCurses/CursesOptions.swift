import TerminalKit

/// How ``CursesTerminal`` sets the terminal up.
public struct CursesOptions: Hashable, Sendable {
    /// Report clicks and the wheel. Off leaves the terminal's own text selection working;
    /// switch at run time with ``CursesTerminal/setMouse(_:)``.
    public var mouse: Bool = true
    /// The colours to use; `nil` detects them from `NO_COLOR`, `COLORTERM` and the terminal's
    /// colour count. A value is capped at what the terminal can show. Write
    /// `ColorCapability.none` for "no colour": a bare `.none` here means `nil`, i.e. detect.
    public var colors: ColorCapability? = nil

    /// Creates options.
    public init(mouse: Bool = true, colors: ColorCapability? = nil) {
        self.mouse = mouse
        self.colors = colors
    }
}
