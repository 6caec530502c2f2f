import TerminalKit

/// What colours the screen can show, settled once when the terminal opens.
struct CursesPalette: Hashable, Sendable {
    /// The capability styles are mapped to: the one asked for, capped at the terminal's.
    var capability: ColorCapability
    /// The terminal takes 24-bit colour numbers (`COLORS` ≥ 2²⁴, e.g. `xterm-direct`): numbers
    /// below 8 are ANSI colours, the rest are `0xRRGGBB`.
    var direct: Bool
    /// `use_default_colors` worked, so -1 is the terminal's own foreground/background.
    var defaultColors: Bool

    init(capability: ColorCapability, direct: Bool = false, defaultColors: Bool = true) {
        self.capability = capability
        self.direct = direct
        self.defaultColors = defaultColors
    }

    /// `requested` (`nil`: detect from `NO_COLOR`/`COLORTERM`), capped at what `terminalColors`
    /// (curses' `COLORS`) allows.
    init(requested: ColorCapability?, environment: [String: String], terminalColors: Int,
         defaultColors: Bool) {
        let wanted = requested
            ?? ColorCapability.detect(environment: environment, terminalColors: terminalColors)
        self.init(capability: min(wanted, CursesPalette.capability(terminalColors: terminalColors)),
                  direct: terminalColors >= 1 << 24,
                  defaultColors: defaultColors)
    }

    /// The most a terminal with `terminalColors` colours can show through curses.
    static func capability(terminalColors: Int) -> ColorCapability {
        switch terminalColors {
        case (1 << 24)...: return .trueColor
        case 256...: return .palette256
        case 16...: return .ansi16
        case 8...: return .ansi8
        default: return .none
        }
    }
}
