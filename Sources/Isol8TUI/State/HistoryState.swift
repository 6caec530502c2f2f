import TerminalKit

/// Every run of the session, with up to two marked for a diff.
public struct HistoryState: Sendable {
    /// Runs, oldest first.
    public var runs: [RunRecord] = []
    /// Selection and scroll of the list.
    public var list = ListViewState()
    /// Ids of marked runs, in marking order (at most two).
    public var marked: [Int] = []

    /// Creates an empty history.
    public init() {}

    /// The record of run `id`.
    public func record(_ id: Int) -> RunRecord? { runs.first { $0.id == id } }

    /// Replaces the record of run `id`.
    public mutating func update(_ id: Int, _ change: (inout RunRecord) -> Void) {
        guard let i = runs.firstIndex(where: { $0.id == id }) else { return }
        change(&runs[i])
    }

    /// Marks or unmarks run `id`; a third mark replaces the oldest.
    public mutating func toggleMark(_ id: Int) {
        if let i = marked.firstIndex(of: id) {
            marked.remove(at: i)
        } else {
            marked.append(id)
            if marked.count > 2 { marked.removeFirst() }
        }
    }

    /// Bytes of output History keeps across all runs; past it the oldest runs' output goes
    /// (their knobs and results stay).
    public static let outputBudgetBytes = 32 << 20

    /// Lets go of the oldest runs' output until what is kept fits the budget.
    mutating func keepOutputWithinBudget() {
        var total = runs.reduce(0) { $0 + $1.output.reduce(0) { $0 + $1.text.utf8.count } }
        for index in runs.indices where total > HistoryState.outputBudgetBytes && !runs[index].output.isEmpty {
            total -= runs[index].output.reduce(0) { $0 + $1.text.utf8.count }
            runs[index].output = []
            runs[index].outputReleased = true
        }
    }

    /// The last finished run.
    public var lastFinished: RunRecord? { runs.last { $0.result != nil } }
}
