import TerminalKit

/// The diff overlay: the comparison of two runs and where it is scrolled.
public struct DiffState: Sendable {
    /// The compared runs, older first.
    public var diff: RunDiff
    /// Scroll position.
    public var view = TextViewState(follow: false)

    /// Creates the overlay state.
    public init(diff: RunDiff) {
        self.diff = diff
    }
}
