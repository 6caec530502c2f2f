import Isol8TUI
import TerminalCurses
import TerminalKit

/// The curses terminal as the loop's device.
final class CursesDevice: TerminalDevice {
    private let terminal: CursesTerminal
    /// Held separately: it is the only part that may be used from other threads.
    private let waker: TerminalWaker

    init(_ terminal: CursesTerminal) {
        self.terminal = terminal
        waker = terminal.waker
    }

    var size: Size { terminal.size }

    func draw(_ canvas: Canvas, cursor: (x: Int, y: Int)?) {
        terminal.draw(canvas, cursor: cursor)
    }

    func nextEvent(timeoutMs: Int) -> DeviceEvent? {
        switch terminal.nextEvent(timeoutMs: timeoutMs) {
        case .input(let event)?: return .input(event)
        case .resize(let size)?: return .resize(size)
        case .wake?: return .wake
        case nil: return nil
        }
    }

    func wake() { waker.wake() }
    func suspend() { terminal.suspend() }
    func resume() { terminal.resume() }
    func setMouse(_ enabled: Bool) { terminal.setMouse(enabled) }
    func invalidate() { terminal.invalidate() }
}
