import CNcurses
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// The ncursesw backend: puts ``Canvas`` frames on the terminal and reads keys, mouse and
/// resizes.
///
/// ncurses is not thread-safe: create, use and shut down a terminal on one thread (the UI
/// thread). Only ``wake()`` — or the ``waker``, which is `Sendable` — may be used from other
/// threads. One terminal may be open per process at a time.
///
/// The terminal is restored (`endwin` and the saved tty modes) by ``shutdown()``, by `deinit`,
/// at `exit`, and on SIGINT, SIGTERM, SIGHUP, SIGQUIT and crash signals, which are then
/// re-raised so the process still ends the way it would have.
public final class CursesTerminal {
    private enum State { case active, suspended, closed }

    /// Wakes ``nextEvent(timeoutMs:)`` from any thread; hand this to engine threads.
    public let waker: TerminalWaker
    /// The colours frames are drawn with (`.none` under NO_COLOR: attributes only).
    public let colorCapability: ColorCapability
    /// Whether clicks and the wheel are reported (and terminal text selection needs Shift).
    public private(set) var isMouseEnabled = false

    private var state = State.active
    private let palette: CursesPalette
    private var pairs: PairTable
    private var resolvedStyles: [Style: (attributes: attr_t, pair: Int32)] = [:]
    /// What the screen shows; `nil` means unknown, so the next frame repaints everything.
    private var previous: Canvas?
    private var lastCursor: CursorPosition?
    /// `nil` when unknown (after resume), forcing the next frame to set it.
    private var cursorVisible: Bool? = false
    /// A key read as look-ahead after ESC that was not part of an Alt combination.
    private var lookahead: RawKey?
    private var pendingWake = false
    private var pendingResize = false
    private var resizeSignalled = false
    private var inputClosed = false
    private var lastSize: Size
    private var glyph = [wchar_t](repeating: 0, count: 8)
    private let owner = pthread_self()

    /// Takes over the terminal: locale, raw mode, keypad, colours, 25 ms escape delay, mouse
    /// as `options.mouse` says, and the restoring signal handlers.
    /// - Throws: ``CursesError`` when stdin/stdout is not a terminal or `TERM` is unknown.
    public init(options: CursesOptions = CursesOptions()) throws {
        waker = try TerminalWaker()
        switch cn_open(waker.writeFD) {
        case CN_OK: break
        case CN_NOT_A_TTY: throw CursesError.notATerminal
        case CN_ALREADY_OPEN: throw CursesError.alreadyOpen
        default: throw CursesError.unknownTerminal(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        var environment: [String: String] = [:]
        for key in ["NO_COLOR", "COLORTERM"] {
            if let value = getenv(key) { environment[key] = String(cString: value) }
        }
        palette = CursesPalette(requested: options.colors, environment: environment,
                                terminalColors: Int(cn_colors()),
                                defaultColors: cn_default_colors() != 0)
        colorCapability = palette.capability
        pairs = PairTable(capacity: palette.capability == .none ? 1 : Int(cn_color_pairs()))
        lastSize = Size(width: Int(cn_cols()), height: Int(cn_lines()))
        setMouse(options.mouse)
    }

    deinit {
        shutdown()
    }

    /// The terminal's current size in cells. It changes only when ``nextEvent(timeoutMs:)``
    /// returns `.resize`, which carries the same value.
    public var size: Size {
        if state != .closed { lastSize = Size(width: Int(cn_cols()), height: Int(cn_lines())) }
        return lastSize
    }

    // MARK: - Output

    /// Puts `canvas` on the screen, writing only cells that changed since the previous draw
    /// (everything after a resize, ``invalidate()`` or ``resume()``), then one `doupdate`.
    /// Does nothing at all when neither cells nor cursor changed.
    ///
    /// - Parameter cursor: where to show the terminal cursor (text inputs); `nil` hides it.
    ///   A position outside the screen also hides it.
    public func draw(_ canvas: Canvas, cursor: (x: Int, y: Int)?) {
        checkThread()
        guard state == .active else { return }
        let screen = size
        var plan = DrawPlanner.plan(previous: previous, next: canvas, screen: screen)
        if !write(plan, allowPairOverflow: false) {
            // More colour combinations than pairs: start over with fresh pair numbers, which
            // means every cell on screen must be rewritten with its new pair.
            pairs.reset()
            resolvedStyles.removeAll()
            plan = DrawPlanner.plan(previous: nil, next: canvas, screen: screen)
            _ = write(plan, allowPairOverflow: true)
        }
        previous = canvas
        let cursorMoved = placeCursor(cursor.map { CursorPosition(x: $0.x, y: $0.y) }, screen: screen)
        if !plan.isEmpty || cursorMoved { cn_update() }
    }

    /// Makes the next ``draw(_:cursor:)`` repaint the whole screen (e.g. after something else
    /// wrote to the terminal).
    public func invalidate() {
        previous = nil
    }

    // MARK: - Input

    /// Waits up to `timeoutMs` milliseconds (negative: forever) for a key, mouse event,
    /// resize or ``wake()``; `nil` on timeout. Keys already buffered are returned at once.
    public func nextEvent(timeoutMs: Int) -> TerminalEvent? {
        checkThread()
        let deadline = timeoutMs >= 0 ? MonotonicClock.milliseconds() + timeoutMs : nil
        while true {
            absorbPipe()
            if pendingWake {
                pendingWake = false
                return .wake
            }
            if state == .active {
                if pendingResize {
                    pendingResize = false
                    previous = nil
                    return .resize(size)
                }
                if let event = readBuffered() { return event }
            }
            var wait: Int32 = -1
            if let deadline {
                let remaining = deadline - MonotonicClock.milliseconds()
                if remaining <= 0 { return nil }
                wait = Int32(clamping: remaining)
            }
            // While suspended the child program owns stdin, so only the pipe is watched.
            let watchInput = state == .active && !inputClosed
            var fds = [
                pollfd(fd: watchInput ? STDIN_FILENO : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: waker.readFD, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&fds, 2, wait) > 0 && fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                inputClosed = true  // the terminal went away; do not spin on it
            }
        }
    }

    /// Makes a blocked ``nextEvent(timeoutMs:)`` return `.wake` at once. Safe from any thread.
    public func wake() {
        waker.wake()
    }

    /// Turns mouse reporting on or off. Off gives the terminal's own text selection back
    /// (with it on, most terminals select with Shift held).
    public func setMouse(_ enabled: Bool) {
        checkThread()
        guard state != .closed else { return }
        isMouseEnabled = cn_set_mouse(enabled ? 1 : 0) != 0
    }

    // MARK: - Lifecycle

    /// Gives the terminal back (`endwin`) so a child such as `$EDITOR` can use it. Call
    /// ``resume()`` afterwards; drawing meanwhile does nothing.
    public func suspend() {
        checkThread()
        guard state == .active else { return }
        cn_suspend()
        state = .suspended
    }

    /// Takes the terminal back after ``suspend()``, restores the last frame and makes the next
    /// draw repaint everything.
    public func resume() {
        checkThread()
        guard state == .suspended else { return }
        cn_resume()
        state = .active
        previous = nil
        lastCursor = nil
        cursorVisible = nil
        inputClosed = false
    }

    /// Restores the terminal for good: `endwin`, the shell's tty modes and the previous signal
    /// handlers. Idempotent; also run by `deinit`.
    public func shutdown() {
        guard state != .closed else { return }
        _ = size
        cn_close()
        state = .closed
        isMouseEnabled = false
    }

    // MARK: - Private

    private func write(_ plan: DrawPlan, allowPairOverflow: Bool) -> Bool {
        if plan.clearsScreen { cn_clear_all() }
        var lastStyle: Style?
        var look: (attributes: attr_t, pair: Int32) = (0, 0)
        // A local run, not a stored one: a class's stored property is checked for exclusive
        // access on every use, and this loop uses it for every cell.
        var run = GlyphRun()
        defer { run.flush() }
        for change in plan.changes {
            let cell = change.cell
            if cell.style != lastStyle {
                // Neighbouring cells mostly share a style: resolve it once per change of style.
                guard let known = resolved(cell.style, allowPairOverflow: allowPairOverflow) else { return false }
                (look, lastStyle) = (known, cell.style)
            }
            if let char = GlyphRun.char(of: cell) {
                if run.append(char, x: change.x, y: change.y, attributes: look.attributes, pair: look.pair) { continue }
                run.flush()
                _ = run.append(char, x: change.x, y: change.y, attributes: look.attributes, pair: look.pair)
            } else {
                run.flush()
                put(cell.symbol, x: change.x, y: change.y, attributes: look.attributes, pair: look.pair)
            }
        }
        return true
    }

    private func resolved(_ style: Style, allowPairOverflow: Bool) -> (attributes: attr_t, pair: Int32)? {
        if let known = resolvedStyles[style] { return known }
        let cell = StyleResolver.resolve(style, palette: palette)
        let pair: Int32
        switch pairs.lookup(fg: cell.fg, bg: cell.bg) {
        case .existing(let p):
            pair = p
        case .new(let p):
            pair = cn_init_pair(p, cell.fg, cell.bg) == OK ? p : 0
        case .full:
            guard allowPairOverflow else { return nil }
            return (cell.attributes, 0)
        }
        resolvedStyles[style] = (cell.attributes, pair)
        return (cell.attributes, pair)
    }

    private func put(_ symbol: String, x: Int, y: Int, attributes: attr_t, pair: Int32) {
        var n = 0
        for scalar in symbol.unicodeScalars where n < glyph.count - 1 {
            glyph[n] = wchar_t(bitPattern: scalar.value)
            n += 1
        }
        if n == 0 {
            glyph[0] = 0x20
            n = 1
        }
        _ = cn_put_cell(Int32(y), Int32(x), glyph, Int32(n), attributes, pair)
    }

    /// Shows the cursor at `position` or hides it; `true` when that changed what is on screen.
    private func placeCursor(_ position: CursorPosition?, screen: Size) -> Bool {
        var target = position
        if let p = target, p.x < 0 || p.y < 0 || p.x >= screen.width || p.y >= screen.height {
            target = nil
        }
        let changed = target != lastCursor || cursorVisible != (target != nil)
        if let target {
            if cursorVisible != true { _ = curs_set(1) }
            cursorVisible = true
            // Writing cells moves stdscr's cursor, so put it back on every frame.
            cn_move(Int32(target.y), Int32(target.x))
        } else if cursorVisible != false {
            _ = curs_set(0)
            cursorVisible = false
        }
        lastCursor = target
        return changed
    }

    private func absorbPipe() {
        let (wake, resize) = waker.drain()
        if wake { pendingWake = true }
        if resize { resizeSignalled = true }
        // A resize while suspended is handled once the terminal is ours again.
        guard resizeSignalled, state == .active else { return }
        resizeSignalled = false
        guard cn_winch_chained() == 0 else { return }  // ncurses reports KEY_RESIZE itself
        // ncurses has no SIGWINCH handler of its own (someone else owned the signal when it
        // started), so it will not produce KEY_RESIZE: resize it here.
        var rows: Int32 = 0, cols: Int32 = 0
        if cn_terminal_size(&rows, &cols) == 0 && (rows != cn_lines() || cols != cn_cols()) {
            _ = resize_term(rows, cols)
            pendingResize = true
        }
    }

    private func readRaw() -> RawKey? {
        var code: UInt32 = 0
        switch cn_get_wch(&code) {
        case OK: return .character(code)
        case KEY_CODE_YES: return .keyCode(Int32(bitPattern: code))
        default: return nil
        }
    }

    private func readBuffered() -> TerminalEvent? {
        while true {
            let next = lookahead ?? readRaw()
            lookahead = nil
            guard let raw = next else { return nil }
            switch KeyDecoder.meaning(of: raw) {
            case .key(let key):
                return .input(.key(key))
            case .escape:
                let following = readRaw()
                let (key, consumed) = KeyDecoder.escape(followedBy: following)
                if !consumed { lookahead = following }
                return .input(.key(key))
            case .mouse:
                var x: Int32 = 0, y: Int32 = 0
                var bstate: mmask_t = 0
                if cn_get_mouse(&x, &y, &bstate) == 0,
                   let event = MouseDecoder.decode(bstate: bstate, x: x, y: y) {
                    return .input(.mouse(event))
                }
            case .resize:
                previous = nil
                return .resize(size)
            case .ignored:
                continue
            }
        }
    }

    private func checkThread() {
        assert(pthread_equal(owner, pthread_self()) != 0,
               "CursesTerminal used off its thread; only wake() may be called from other threads")
    }
}
