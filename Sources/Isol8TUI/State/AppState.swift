import Foundation
import Isol8Core
import TerminalKit

/// The whole debugger state, one sub-state per pane so no pane's code needs another's
/// fields. Changed only by ``update(_:_:)``; drawn only by ``AppView``.
public struct AppState: Sendable {
    /// Terminal size in cells.
    public var size: Size
    /// The time of the last tick (spinner, elapsed time, refresh timers).
    public var now: Date

    public var code: CodeState
    public var output: LogState
    public var network = NetworkState()
    public var container = ContainerState()
    /// The Config pane's selection (its rows come from ``knobs``).
    public var config = ListViewState()
    public var debug: LogState
    public var history = HistoryState()
    public var knobs: KnobState
    public var sandboxes = SandboxesState()
    /// The sandbox runs go into, chosen in the Sandboxes list or with `--attach`.
    public var attached: AttachedSandbox?
    /// `--attach ID|NAME`, resolved against the target's list at start.
    public var attachOnStart: String?
    /// `--host … --session-id S`: the session to attach to once it exists (a first run makes it).
    public var sessionOnStart: String?
    public var status = StatusState()
    public var focus = FocusState()

    /// The run in progress.
    public var run: RunState?
    /// The number the next run gets.
    public var nextRunID = 1
    /// Containers runs with `persist` left running, oldest first, with the run that made each:
    /// what the TUI leaves behind when it quits.
    public var persisted: [(container: String, run: Int)] = []
    /// What the `:workflow` checklist remembers of the session.
    public var workflow = WorkflowProgress()
    /// A `:bisect` in progress, and the knobs to restore when it ends.
    public var bisection: Bisection?
    var bisectionKnobs: KnobState?
    /// Where runs go: the current target and the others to switch to.
    public var targets: TargetState

    /// Key tables (with the user's overrides).
    public var keymap: Keymap
    /// The theme in use, adapted to the terminal's colours.
    public var theme: Theme
    /// Its name (or path).
    public var themeName: String
    /// Themes `t` cycles through.
    public var themeNames: [String]
    /// Whether the mouse is captured.
    public var mouseEnabled: Bool
    /// Earlier `:` commands, for ↑ at the prompt.
    public var commandHistory: [String] = []

    /// Creates the start-up state.
    public init(knobs: KnobState, code: CodeState, size: Size, now: Date = Date(),
                keymap: Keymap = .standard, theme: Theme = .default, themeName: String = "default",
                themeNames: [String] = ["default"], mouseEnabled: Bool = true,
                outputBuffer: OutputBuffer = OutputBuffer(),
                targets: TargetState = TargetState(current: Target(name: Target.localName, kind: .docker(.defaultSocket),
                                                                   origin: .environment), known: [])) {
        self.knobs = knobs
        self.targets = targets
        self.code = code
        self.size = size
        self.now = now
        self.keymap = keymap
        self.theme = theme
        self.themeName = themeName
        self.themeNames = themeNames
        self.mouseEnabled = mouseEnabled
        self.output = LogState(buffer: outputBuffer)
        self.debug = LogState(buffer: OutputBuffer(maxLines: 5_000, maxBytes: 4 << 20))
    }

    /// What has to happen once before the first frame: reach the target and read the code.
    public var initialEffects: [Effect] {
        var effects: [Effect] = [.probeTarget(targets.current), .followServerLog(targets.current)]
        if let path = code.path { effects.append(.loadCode(path)) }
        if let name = attachOnStart ?? sessionOnStart { effects.append(.resolveSandbox(name)) }
        return effects
    }

    /// Whether anything moves on screen by itself (the loop ticks faster then).
    public var isAnimating: Bool { run != nil }
}
