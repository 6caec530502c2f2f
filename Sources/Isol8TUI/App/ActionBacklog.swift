/// Mailbox actions waiting to be applied. A flood arrives faster than the reducer can take it,
/// so the loop applies the backlog in slices between frames — a key pressed meanwhile waits for
/// one slice, not for the whole flood. Stream batches are split into steps of a few events;
/// order is kept across slices.
struct ActionBacklog {
    /// Stream events applied per step, between two looks at the clock.
    static let eventsPerStep = 32

    private var queue: [Action] = []
    private var head = 0
    /// Events of the stream batch at `head` already applied: a batch is stepped through in
    /// place, since cutting off what is left after every step copied it again each time.
    private var appliedEvents = 0

    var isEmpty: Bool { head == queue.count }

    mutating func append(contentsOf actions: [Action]) {
        if isEmpty {
            queue = actions
            head = 0
        } else {
            queue.append(contentsOf: actions)
        }
    }

    /// Applies steps in order until `timeUp` says so (checked after each step, so at least one
    /// step is applied) or `apply` returns false (quit).
    mutating func apply(until timeUp: () -> Bool, _ apply: (Action) -> Bool) {
        while !isEmpty {
            let step: Action
            if case .runEvents(let id, let events) = queue[head], events.count > ActionBacklog.eventsPerStep {
                let end = min(events.count, appliedEvents + ActionBacklog.eventsPerStep)
                step = .runEvents(id: id, Array(events[appliedEvents..<end]))
                appliedEvents = end
                if end == events.count {
                    head += 1
                    appliedEvents = 0
                }
            } else {
                step = queue[head]
                head += 1
            }
            guard apply(step), !timeUp() else { break }
        }
        if isEmpty {
            queue = []
            head = 0
        }
    }
}
