// terminal-demo: a small screen for checking the curses backend by hand and from the tmux
// end-to-end tests. Keys: q quits, m toggles the mouse, w swaps the wide-text line for ASCII,
// s suspends and runs --suspend-command, c shows the cursor after the echoed key; any
// other key is echoed.
//
// Options: --no-mouse, --pid-file PATH, --wake-every MS (a thread calls wake() on a timer),
//          --suspend-command CMD (run with /bin/sh -c while suspended).

import TerminalCurses
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

let options = DemoOptions(arguments: CommandLine.arguments)
if let path = options.pidFile, let file = fopen(path, "w") {
    fputs("\(getpid())\n", file)
    fclose(file)
}

let terminal: CursesTerminal
do {
    terminal = try CursesTerminal(options: CursesOptions(mouse: options.mouse))
} catch {
    fputs("terminal-demo: \(error)\n", stderr)
    exit(1)
}

if let every = options.wakeEveryMs {
    let waker = terminal.waker
    var thread = pthread_t()
    let box = Unmanaged.passRetained(WakeTimer(waker: waker, everyMs: every))
    pthread_create(&thread, nil, { raw in
        let timer = Unmanaged<WakeTimer>.fromOpaque(raw!).takeRetainedValue()
        while true {
            usleep(UInt32(timer.everyMs) * 1000)
            timer.waker.wake()
        }
    }, box.toOpaque())
}

var state = DemoState(size: terminal.size, mouse: terminal.isMouseEnabled)
terminal.draw(state.render(), cursor: nil)

loop: while true {
    guard let event = terminal.nextEvent(timeoutMs: 1000) else { continue }
    switch event {
    case .wake:
        state.wakes += 1
    case .resize(let size):
        state.size = size
    case .input(.mouse(let m)):
        state.lastMouse = "\(DemoState.describe(m.kind)) at \(m.x),\(m.y)"
    case .input(.key(let key)):
        switch key {
        case .char("q"):
            break loop
        case .char("m"):
            terminal.setMouse(!terminal.isMouseEnabled)
            state.mouse = terminal.isMouseEnabled
        case .char("w"):
            state.wide.toggle()
        case .char("c"):
            state.showsCursor.toggle()
        case .char("s"):
            terminal.suspend()
            _ = system(options.suspendCommand)
            terminal.resume()
        default:
            break
        }
        state.lastKey = key.spec
    }
    terminal.draw(state.render(), cursor: state.cursor)
}
terminal.shutdown()
