/// The panes of the debugger, in the order of their number keys (`1`…`7`).
public enum PaneID: String, CaseIterable, Hashable, Sendable {
    case code, output, network, container, config, debug, history

    /// The digit that focuses the pane.
    public var number: Int { PaneID.allCases.firstIndex(of: self)! + 1 }

    /// The pane's name as shown in titles and help.
    public var title: String {
        switch self {
        case .code: return "Code"
        case .output: return "Output"
        case .network: return "Network"
        case .container: return "Container"
        case .config: return "Config"
        case .debug: return "Debug"
        case .history: return "History"
        }
    }

    /// Panes that share the side slot of the layout, one at a time (shown as tabs).
    public static let side: [PaneID] = [.network, .container, .config, .debug, .history]

    /// Whether the pane lives in the side slot.
    public var isSide: Bool { PaneID.side.contains(self) }

    /// The pane for a digit key, if any.
    public init?(number: Int) {
        guard number >= 1 && number <= PaneID.allCases.count else { return nil }
        self = PaneID.allCases[number - 1]
    }
}
