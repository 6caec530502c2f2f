import CNcurses
import TerminalKit

/// Turns `wget_wch` results into ``KeyEvent``s. Pure, so every code can be tested without a
/// terminal; ``CursesTerminal`` does the reading and the follow-up calls a meaning asks for.
enum KeyDecoder {
    /// What one raw key stands for.
    enum Meaning: Hashable, Sendable {
        /// A complete key.
        case key(KeyEvent)
        /// ESC: a lone Escape, or Alt when a character follows at once (see ``escape(followedBy:)``).
        case escape
        /// `KEY_MOUSE`: the event itself must be fetched with `getmouse`.
        case mouse
        /// `KEY_RESIZE`: ncurses has already updated `LINES`/`COLS`.
        case resize
        /// Nothing the app handles (C1 controls, keys without a `KeyEvent`).
        case ignored
    }

    static func meaning(of raw: RawKey) -> Meaning {
        switch raw {
        case .character(let code): return meaning(ofCharacter: code)
        case .keyCode(let code): return meaning(ofKeyCode: code)
        }
    }

    /// Resolves an ESC given what `wget_wch` returned right after it (`nil`: nothing was
    /// buffered, because ncurses had already waited the escape delay). A printable character
    /// makes Alt+character and is consumed; anything else is left for the next read.
    static func escape(followedBy next: RawKey?) -> (key: KeyEvent, consumedNext: Bool) {
        if case .character(let code)? = next, isPrintable(code), let scalar = Unicode.Scalar(code) {
            return (.alt(Character(scalar)), true)
        }
        return (.escape, false)
    }

    private static func meaning(ofCharacter code: UInt32) -> Meaning {
        if code == 0x1B { return .escape }
        if code < 0x80 {
            // Covers Tab, Enter (10 and 13), Backspace (8 and 127) and ctrl-letters.
            guard let key = KeyEvent(byte: UInt8(code)) else { return .ignored }
            return .key(key)
        }
        guard isPrintable(code), let scalar = Unicode.Scalar(code) else { return .ignored }
        return .key(.char(Character(scalar)))
    }

    private static func meaning(ofKeyCode code: Int32) -> Meaning {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_BTAB: return .key(.backTab)
        case KEY_HOME, KEY_FIND: return .key(.home)  // screen/tmux report Home as kfnd on some entries
        case KEY_END, KEY_SELECT: return .key(.end)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        default:
            let n = Int(code) - Int(KEY_F0)
            if (1...12).contains(n) { return .key(.function(n)) }
            return .ignored
        }
    }

    /// Not a C0 or C1 control, and not DEL.
    private static func isPrintable(_ code: UInt32) -> Bool {
        code >= 0x20 && code != 0x7F && !(0x80..<0xA0).contains(code)
    }
}
