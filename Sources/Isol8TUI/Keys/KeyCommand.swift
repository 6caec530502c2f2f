/// Everything a key can do. The raw value is the name used in `tui.keys.<name>` overrides
/// and in the generated key table.
public enum KeyCommand: String, CaseIterable, Sendable {
    case run, cancel, quit, help, command
    case nextPane, prevPane
    case focusCode, focusOutput, focusNetwork, focusContainer, focusConfig, focusDebug, focusHistory
    case zoom, back, cycleTheme, toggleMouse, redraw
    case up, down, pageUp, pageDown, top, bottom, left, right
    case toggleWrap, toggleFollow, search, nextMatch, prevMatch, saveOutput, clear
    case editCode
    case refreshContainer, openShell
    case markRun, diffRuns, openRunOutput
    case editRules
    case diagnose, applyFix
    case sandboxes

    /// The pane a `focus…` command focuses.
    public var focusTarget: PaneID? {
        switch self {
        case .focusCode: return .code
        case .focusOutput: return .output
        case .focusNetwork: return .network
        case .focusContainer: return .container
        case .focusConfig: return .config
        case .focusDebug: return .debug
        case .focusHistory: return .history
        default: return nil
        }
    }
}
