/// Which pane has the keys, which side pane is showing, whether the focused pane fills the
/// screen, and the stack of overlays above it all. Esc always pops one level: an overlay,
/// then the zoom.
public struct FocusState: Sendable {
    /// The pane with keyboard focus.
    public var pane: PaneID = .output
    /// The pane in the side slot (the last side pane focused).
    public var side: PaneID = .network
    /// The focused pane fills the body (Enter).
    public var zoomed = false
    /// Overlays, bottom first.
    public var overlays: [Overlay] = []

    /// Creates the start-up focus: the output pane.
    public init() {}

    /// Focuses `pane`, bringing a side pane into the side slot.
    public mutating func focus(_ pane: PaneID) {
        self.pane = pane
        if pane.isSide { side = pane }
    }

}
