/// Where a key table applies: everywhere, in one pane, or in the diff overlay.
public enum KeyContext: Hashable, Sendable {
    case global
    case pane(PaneID)
    case diff

    /// The name used in `tui.keys.<context>.<command>` overrides.
    public var name: String {
        switch self {
        case .global: return "global"
        case .pane(let pane): return pane.rawValue
        case .diff: return "diff"
        }
    }

    /// The heading in help and docs.
    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .pane(let pane): return "\(pane.title) pane"
        case .diff: return "Diff view"
        }
    }
}
