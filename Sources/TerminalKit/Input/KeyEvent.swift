/// A key press, as delivered by the backend and named in keymaps.
///
/// Letters under `ctrl`/`alt` are stored lower-case; `.char` keeps case, so `q` and `Q` are
/// different keys (shift is part of the character, as terminals report it).
public enum KeyEvent: Hashable, Sendable, CustomStringConvertible {
    /// A printable character, including space.
    case char(Character)
    /// Control plus a character (`ctrl-s` is `.ctrl("s")`).
    case ctrl(Character)
    /// Alt/Meta plus a character (terminals send ESC then the character).
    case alt(Character)
    case up, down, left, right
    /// Tab, and Shift-Tab (terminals report the latter as a separate key).
    case tab, backTab
    case enter, escape, backspace, delete, insert
    case home, end, pageUp, pageDown
    /// F1–F12 (`.function(5)` is F5).
    case function(Int)
    /// The terminal was resized to `width`×`height` cells.
    case resize(width: Int, height: Int)

    /// The canonical key spec (`ctrl-s`, `F5`, `shift-tab`, `q`, `space`), which
    /// ``init(spec:)`` parses back. Used for help screens and keymap files.
    public var spec: String {
        switch self {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "ctrl-" + KeyEvent.specName(c)
        case .alt(let c): return "alt-" + KeyEvent.specName(c)
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .enter: return "enter"
        case .escape: return "esc"
        case .backspace: return "backspace"
        case .delete: return "delete"
        case .insert: return "insert"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        }
    }

    public var description: String { spec }

    /// The key a single byte from a raw terminal stands for: control bytes become `.ctrl`, with
    /// the usual aliases (Tab, Enter, Esc, Backspace). `nil` for bytes ≥ 0x80.
    public init?(byte: UInt8) {
        switch byte {
        case 0x09: self = .tab
        case 0x0A, 0x0D: self = .enter
        case 0x1B: self = .escape
        case 0x08, 0x7F: self = .backspace
        case 0x00: self = .ctrl(" ")
        case 0x01...0x1A: self = .ctrl(Character(Unicode.Scalar(byte + 0x60)))
        case 0x1C...0x1F: self = .ctrl(Character(Unicode.Scalar(byte + 0x40)))
        case 0x20..<0x7F: self = .char(Character(Unicode.Scalar(byte)))
        default: return nil
        }
    }

    private static func specName(_ c: Character) -> String {
        c == " " ? "space" : String(c)
    }
}
