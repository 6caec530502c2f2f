import Foundation
import Isol8TUI
import TerminalCurses
import TerminalKit

/// Frame cost through the real path: `AppView.render` of a mid-flood state, then
/// `CursesTerminal.draw` (diff, curses cells, `doupdate`) writing escape bytes into a pty.
struct FrameBench {
    static let size = Size(width: 200, height: 60)

    struct Result {
        let name: String
        /// render + draw, per frame.
        let micros: Samples
        /// `AppView.render` alone.
        let renderMicros: Samples
        /// `CursesTerminal.draw` alone: diff, curses cells, `doupdate`.
        let drawMicros: Samples
        /// CPU time of this thread per frame, kernel included: the rest of a frame's wall time
        /// is spent off the CPU (waiting for the pty to take the bytes, or for a core).
        let cpuMicros: Samples
        let bytesPerFrame: Int
    }

    let frames: Int

    func run() throws -> [Result] {
        let pty = try PseudoTerminal(size: Self.size)
        setenv("TERM", "xterm-256color", 1)
        pty.becomeStandardIO()
        defer { pty.restoreStandardIO() }
        let terminal = try CursesTerminal(options: CursesOptions(mouse: false))
        defer { terminal.shutdown() }
        let flooded = try BenchState.make(size: Self.size, outputLines: 100_000)
        return [
            fullRedraw(flooded, terminal, pty),
            try oneLineChange(terminal, pty),
            appendWhileFollowing(flooded, terminal, pty),
        ]
    }

    /// Everything repainted: the screen is invalidated and every pane drawn before every frame.
    private func fullRedraw(_ state: AppState, _ terminal: CursesTerminal, _ pty: PseudoTerminal) -> Result {
        measure("full redraw", terminal, pty, cache: nil) { _ in
            terminal.invalidate()
            return state
        }
    }

    /// One output line appears in an Output pane that is not full yet, so one row changes.
    private func oneLineChange(_ terminal: CursesTerminal, _ pty: PseudoTerminal) throws -> Result {
        let start = try BenchState.make(size: Self.size, outputLines: 1)
        let room = ScreenLayout(size: Self.size, focus: start.focus).inner(.output).height - 2
        var state = start
        var appended = 0
        return measure("one-line change", terminal, pty, cache: PaneCache()) { n in
            if appended == room {
                // Refill from the top; this frame's extra rows are the price of a bounded pane.
                state = start
                appended = 0
            }
            BenchState.apply(&state, .runEvents(id: BenchState.runID, [BenchState.outputLine(n)]))
            appended += 1
            return state
        }
    }

    /// One output line arrives while the Output pane follows a full buffer: the pane scrolls.
    private func appendWhileFollowing(_ flooded: AppState, _ terminal: CursesTerminal, _ pty: PseudoTerminal) -> Result {
        var state = flooded
        return measure("append, pane follows", terminal, pty, cache: PaneCache()) { n in
            BenchState.apply(&state, .runEvents(id: BenchState.runID, [BenchState.outputLine(100_000 + n)]))
            return state
        }
    }

    /// Times render + draw of the state `prepare` returns (its own work is not timed), after
    /// an untimed warm-up; bytes are what reached the pty per timed frame. With a `cache` the
    /// frames are rendered as the loop renders them.
    private func measure(_ name: String, _ terminal: CursesTerminal, _ pty: PseudoTerminal, cache: PaneCache?,
                         prepare: (Int) -> AppState) -> Result {
        let warmUp = min(50, frames)
        for n in 0..<warmUp { draw(prepare(n), terminal, cache: cache) }
        let bytesBefore = pty.settledBytes()
        var renderTimes: [Double] = [], drawTimes: [Double] = [], cpuTimes: [Double] = []
        renderTimes.reserveCapacity(frames)
        drawTimes.reserveCapacity(frames)
        for n in warmUp..<warmUp + frames {
            let state = prepare(n)
            let cpuStart = Self.threadCPU()
            let start = LoopTrace.now()
            let frame = AppView.render(state, cache: cache)
            let rendered = LoopTrace.now()
            terminal.draw(frame.canvas, cursor: frame.cursor)
            let drawn = LoopTrace.now()
            cpuTimes.append((Self.threadCPU() - cpuStart) * 1e6)
            renderTimes.append((rendered - start) * 1e6)
            drawTimes.append((drawn - rendered) * 1e6)
        }
        let bytes = pty.settledBytes() - bytesBefore
        return Result(name: name, micros: Samples(zip(renderTimes, drawTimes).map { $0 + $1 }),
                      renderMicros: Samples(renderTimes), drawMicros: Samples(drawTimes), cpuMicros: Samples(cpuTimes),
                      bytesPerFrame: bytes / max(1, frames))
    }

    /// Seconds of CPU this thread has used.
    private static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func draw(_ state: AppState, _ terminal: CursesTerminal, cache: PaneCache?) {
        let frame = AppView.render(state, cache: cache)
        terminal.draw(frame.canvas, cursor: frame.cursor)
    }
}
