/// Parsing key specs from keymap files: `q`, `Q`, `?`, `ctrl-s`, `C-s`, `ctrl+s`, `alt-x`,
/// `M-x`, `F5`, `shift-tab`, `enter`, `esc`, `pgdn`, `space`, `shift-a` (= `A`).
/// Names are case-insensitive; a single character is taken literally.
extension KeyEvent {
    /// Parses a key spec; throws ``KeySpecError`` naming the spec when it is not a key.
    public init(spec: String) throws {
        let raw = spec.trimmingSpaces()
        guard !raw.isEmpty else { throw KeySpecError(spec: spec, reason: "empty key") }
        if raw.count == 1 {
            self = .char(raw.first!)
            return
        }
        // Split "ctrl-s" / "C+s" into modifier and key; "ctrl--" means ctrl and "-".
        var modifiers: [String] = []
        var rest = Substring(raw)
        while let sep = rest.dropFirst().firstIndex(where: { $0 == "-" || $0 == "+" }) {
            let head = rest[rest.startIndex..<sep].lowercased()
            guard ["ctrl", "control", "c", "alt", "meta", "m", "opt", "option", "shift", "s"].contains(head) else {
                break
            }
            modifiers.append(head)
            rest = rest[rest.index(after: sep)...]
        }
        guard !rest.isEmpty else { throw KeySpecError(spec: spec, reason: "missing key after modifier") }
        let base = String(rest)

        let ctrl = modifiers.contains { ["ctrl", "control", "c"].contains($0) }
        let alt = modifiers.contains { ["alt", "meta", "m", "opt", "option"].contains($0) }
        let shift = modifiers.contains { ["shift", "s"].contains($0) }
        if ctrl && alt {
            throw KeySpecError(spec: spec, reason: "ctrl and alt together are not supported")
        }

        if base.count == 1 || base.lowercased() == "space" {
            var c: Character = base.count == 1 ? base.first! : " "
            if shift { c = Character(c.uppercased()) }
            if ctrl {
                self = .ctrl(Character(c.lowercased()))
            } else if alt {
                self = .alt(c)
            } else {
                self = .char(c)
            }
            return
        }

        guard let named = KeyEvent.named(base.lowercased()) else {
            throw KeySpecError(spec: spec, reason: "unknown key name '\(base)'")
        }
        if ctrl || alt {
            throw KeySpecError(spec: spec, reason: "modifiers only combine with a character")
        }
        if shift {
            guard named == .tab else {
                throw KeySpecError(spec: spec, reason: "shift only combines with tab or a character")
            }
            self = .backTab
            return
        }
        self = named
    }

    private static func named(_ name: String) -> KeyEvent? {
        switch name {
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "tab": return .tab
        case "backtab", "btab": return .backTab
        case "enter", "return", "ret", "cr": return .enter
        case "esc", "escape": return .escape
        case "backspace", "bs", "bksp": return .backspace
        case "delete", "del": return .delete
        case "insert", "ins": return .insert
        case "home": return .home
        case "end": return .end
        case "pgup", "pageup", "prior": return .pageUp
        case "pgdn", "pgdown", "pagedown", "next": return .pageDown
        default:
            if name.hasPrefix("f"), let n = Int(name.dropFirst()), (1...12).contains(n) {
                return .function(n)
            }
            return nil
        }
    }
}
