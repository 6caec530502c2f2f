import Foundation
import TerminalKit

/// The run loop: terminal events and effect results become actions, `update` turns them into
/// state and effects. Results are drawn at most 60 times a second — every one that arrives
/// within a frame is folded into the next, and lines (a run's output, debug lines) are not even
/// taken from the mailbox before that frame, so a flood costs a pass a frame, not a pass a
/// chunk. Input is answered at once: a pass that read input gives the mailbox's backlog (an
/// output flood) only a sliver of time and then draws, so a key reaches the screen within one
/// pass, not a frame interval later; so is a run's end.
public final class AppLoop {
    /// The state after the last action.
    public private(set) var state: AppState
    private let device: TerminalDevice
    private let runner: EffectRunner
    private let mailbox: Mailbox
    private let trace: LoopTrace?
    private let panes = PaneCache()

    /// Shortest time between two frames.
    public static let frameInterval: TimeInterval = 1.0 / 60
    /// Most input events folded into one pass (a paste, key repeat).
    static let maxEventsPerPass = 512
    /// Longest a pass spends on the mailbox backlog before drawing and reading keys again.
    static let backlogBudget: TimeInterval = 0.008
    /// The same when the pass read input, whose frame waits for it.
    static let inputBacklogBudget: TimeInterval = 0.002
    /// Wait between ticks while a run is active (spinner, elapsed time).
    static let animationMs = 100
    /// Wait between ticks otherwise (container refresh, uptime).
    static let idleMs = 1_000

    /// Creates a loop; the mailbox's wake is pointed at the device. A `trace` gets the timing
    /// lines `scripts/bench` reads.
    public init(state: AppState, device: TerminalDevice, runner: EffectRunner, mailbox: Mailbox,
                trace: LoopTrace? = nil) {
        self.state = state
        self.device = device
        self.runner = runner
        self.mailbox = mailbox
        self.trace = trace
        mailbox.setWake { [weak device] in device?.wake() }
    }

    /// Runs until an effect asks to quit, then cancels what is still running.
    public func run() {
        var quitting = dispatch(state.initialEffects)
        var lastFrame = Date.distantPast
        var dirty = true
        var backlog = ActionBacklog()
        while !quitting {
            let runBefore = state.run?.id
            let sinceFrame = Date().timeIntervalSince(lastFrame)
            let untilFrame = sinceFrame >= AppLoop.frameInterval ? 0 : Int((AppLoop.frameInterval - sinceFrame) * 1_000) + 1
            let waiting = mailbox.waiting
            let wait: Int
            if !backlog.isEmpty || waiting == .urgent {
                wait = 0
            } else if dirty || waiting == .linesOnly {
                // Lines wait for the frame that shows them; more of them do not wake the loop.
                wait = untilFrame
            } else {
                wait = state.isAnimating ? AppLoop.animationMs : AppLoop.idleMs
            }
            var actions: [Action] = []
            if let first = device.nextEvent(timeoutMs: wait) {
                trace?.read(first)
                actions += AppLoop.actions(for: first)
                var folded = 1
                while folded < AppLoop.maxEventsPerPass, let more = device.nextEvent(timeoutMs: 0) {
                    trace?.read(more)
                    actions += AppLoop.actions(for: more)
                    folded += 1
                }
            }
            // Woken by the first lines of a frame: they wait for it, gathering the rest.
            if actions.isEmpty, backlog.isEmpty, mailbox.waiting == .linesOnly,
               Date().timeIntervalSince(lastFrame) < AppLoop.frameInterval {
                continue
            }
            // Only once the backlog is applied: until then output waits in the mailbox, whose bound holds.
            if backlog.isEmpty { backlog.append(contentsOf: mailbox.drain()) }
            let now = Date()
            // Ticks alone redraw only for the spinner, or once a second for clocks (uptime).
            dirty = dirty || !actions.isEmpty || !backlog.isEmpty || state.isAnimating || now.timeIntervalSince(lastFrame) >= 1
            for action in [.tick(now)] + actions where !quitting {
                quitting = dispatch(update(&state, action))
            }
            let answering = !actions.isEmpty
            let deadline = Date().addingTimeInterval(answering ? AppLoop.inputBacklogBudget : AppLoop.backlogBudget)
            if !quitting {
                backlog.apply(until: { Date() >= deadline }) { action in
                    quitting = dispatch(update(&state, action))
                    return !quitting
                }
            }
            trace?.observe(run: state.run?.id)
            // A run's start or end is shown at once too: the exit is what a re-run waits for.
            let urgent = answering || state.run?.id != runBefore
            if !quitting && dirty && (urgent || Date().timeIntervalSince(lastFrame) >= AppLoop.frameInterval) {
                let frame = AppView.render(state, cache: panes)
                device.draw(frame.canvas, cursor: frame.cursor)
                trace?.frameFlushed()
                lastFrame = Date()
                dirty = false
            }
        }
        trace?.close()
        runner.shutdown()
    }

    /// Performs effects; `true` when one of them is `.quit`.
    private func dispatch(_ effects: [Effect]) -> Bool {
        for effect in effects {
            if effect == .quit { return true }
            runner.perform(effect)
        }
        return false
    }

    static func actions(for event: DeviceEvent) -> [Action] {
        switch event {
        case .input(.key(let key)): return [.key(key)]
        case .input(.mouse(let mouse)): return [.mouse(mouse)]
        case .resize(let size): return [.resize(size)]
        case .wake: return []
        }
    }
}
