import Isol8Core
import TerminalKit

/// The cells of panes from earlier frames, each with what it was drawn from, so that a frame
/// copies a pane whose inputs are unchanged instead of drawing it again: most frames change
/// one pane (output arriving), and drawing the code and the network log again cost as much
/// as the rest of the frame. Only the loop's frames use one; ``AppView/render(_:cache:)``
/// without it draws everything.
///
/// A pane's key holds its inputs themselves, not a summary of them, so an input that changes
/// cannot be missed: comparing is cheap because an unchanged array is the same storage.
public final class PaneCache {
    private var kept: [PaneID: (key: Any, area: Rect, cells: [Cell])] = [:]
    /// Panes copied rather than drawn, for tests.
    private(set) var reused = 0

    public init() {}

    /// Copies the cells kept for `pane` when `key` and `area` are what they were drawn from;
    /// otherwise calls `draw` and keeps what it drew.
    func draw<Key: Equatable>(_ pane: PaneID, key: Key, area: Rect, in canvas: inout Canvas,
                              _ draw: (inout Canvas) -> Void) {
        if let entry = kept[pane], entry.area == area, (entry.key as? Key) == key {
            canvas.paste(entry.cells, in: area)
            reused += 1
            return
        }
        draw(&canvas)
        kept[pane] = (key, area, canvas.cells(in: area))
    }
}

/// Everything the Code pane is drawn from.
struct CodePaneKey: Equatable {
    let lines: [String]
    let language: SyntaxLanguage
    let title: String
    let error: String?
    let view: TextViewState
    let runtime: Runtime
    let focused: Bool
    let theme: Theme

    init(_ state: AppState, focused: Bool) {
        lines = state.code.lines
        language = state.code.language
        title = state.code.title
        error = state.code.error
        view = state.code.view
        runtime = state.knobs.runtime
        self.focused = focused
        theme = state.theme
    }
}

/// Everything the Network pane is drawn from.
struct NetworkPaneKey: Equatable {
    let entries: [NetworkLogEntry]
    let list: ListViewState
    let network: NetworkMode
    let logNetwork: Bool
    let focused: Bool
    let theme: Theme

    init(_ state: AppState, focused: Bool) {
        entries = state.network.entries
        list = state.network.list
        network = state.knobs.options.network
        logNetwork = state.knobs.options.logNetwork
        self.focused = focused
        theme = state.theme
    }
}
