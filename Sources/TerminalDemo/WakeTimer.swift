import TerminalCurses

/// Calls `wake()` from a background thread, as engine threads in the app will.
final class WakeTimer {
    let waker: TerminalWaker
    let everyMs: Int
    init(waker: TerminalWaker, everyMs: Int) {
        self.waker = waker
        self.everyMs = everyMs
    }
}
