/// The debugging guide's steps as a checklist that ticks itself from what the session has
/// really done: each step is a fact about the state, not a box the user ticks.
public struct WorkflowProgress: Sendable, Equatable {
    /// What only shows while it happens (a pane looked at, an overlay opened), remembered.
    public private(set) var configViewed = false
    public private(set) var networkViewed = false
    public private(set) var filesChecked = false
    public private(set) var diagnosisRead = false

    public init() {}

    /// Remembers what the screen shows now. Only the focus is asked for: the reducer calls this
    /// after every action, and handing it the whole state copied the state every time.
    mutating func note(_ focus: FocusState) {
        if focus.pane == .config { configViewed = true }
        if focus.pane == .network { networkViewed = true }
        for overlay in focus.overlays {
            if case .files = overlay { filesChecked = true }
            if case .diagnosis = overlay { diagnosisRead = true }
        }
    }

    /// One step: what to do, the keys that do it, and whether the session did it.
    public struct Step: Sendable, Equatable {
        public var title: String
        public var keys: String
        public var done: Bool
    }

    public static func steps(_ state: AppState) -> [Step] {
        let finished = state.history.runs.filter { $0.result != nil }
        let knobsOf = { (run: RunRecord) in Dictionary(run.knobs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }) }
        let oneKnobApart = zip(finished, finished.dropFirst()).contains { older, newer in
            let (a, b) = (knobsOf(older), knobsOf(newer))
            return Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.count == 1
        }
        let streams = Set(finished.compactMap { knobsOf($0)["stream"] })
        let filteredRun = finished.contains { knobsOf($0)["network"] == "filtered" }
        let progress = state.workflow
        return [
            Step(title: "Turn debug lines on", keys: ":set debug on, then 6", done: state.knobs.options.debug),
            Step(title: "Run a minimal reproduction", keys: "r", done: !finished.isEmpty),
            Step(title: "Change one knob at a time between runs", keys: ":set KNOB VALUE, r; 7 and d compare", done: oneKnobApart),
            Step(title: "Inspect a kept container", keys: ":set persist on, r, 4 (S opens a shell)",
                 done: state.container.snapshot != nil && (state.attached != nil || !state.persisted.isEmpty)),
            Step(title: "Read the configuration really in force", keys: "5", done: progress.configViewed),
            Step(title: "Try streaming and buffered output", keys: ":set stream off, r", done: streams.count == 2),
            Step(title: "Verify the network", keys: ":set net filtered, :allow REGEX, r, 3 (:test-host NAME)",
                 done: filteredRun && progress.networkViewed),
            Step(title: "Check the session and its files", keys: ":sandboxes, :files", done: progress.filesChecked || state.attached != nil),
            Step(title: "Read the failure class", keys: "D (F applies its fix)", done: progress.diagnosisRead),
        ]
    }
}
