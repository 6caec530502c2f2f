/// How many colours a terminal can show; ``Color/adapted(to:)`` maps colours down to it.
public enum ColorCapability: Int, Hashable, Sendable, Comparable, CaseIterable {
    /// No colour at all (NO_COLOR or a monochrome terminal): attributes only.
    case none = 0
    /// The 8 basic ANSI colours.
    case ansi8 = 8
    /// The 16 ANSI colours.
    case ansi16 = 16
    /// The 256-colour palette.
    case palette256 = 256
    /// 24-bit colour.
    case trueColor = 16_777_216

    /// Picks the capability from the environment and the colour count the terminal reports
    /// (curses' `COLORS`). `NO_COLOR` set to anything non-empty wins, per no-color.org.
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorCapability {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        if terminalColors >= 256 && (colorterm == "truecolor" || colorterm == "24bit") {
            return .trueColor
        }
        switch terminalColors {
        case 256...: return .palette256
        case 16...: return .ansi16
        case 8...: return .ansi8
        default: return .none
        }
    }

    public static func < (lhs: ColorCapability, rhs: ColorCapability) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
