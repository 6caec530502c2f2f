/// A terminal colour: the terminal's default, one of the 16 ANSI colours, an entry of the
/// 256-colour palette, or 24-bit RGB. Use ``adapted(to:)`` to fit a terminal's capability.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow
    case brightBlue, brightMagenta, brightCyan, brightWhite
    /// An entry of the 256-colour palette (0–15 are the ANSI colours above).
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI colours in palette order (index 0–15).
    public static let ansi: [Color] = [
        .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white,
        .brightBlack, .brightRed, .brightGreen, .brightYellow,
        .brightBlue, .brightMagenta, .brightCyan, .brightWhite,
    ]

    /// Palette index 0–15 for the named ANSI colours, `nil` otherwise.
    public var ansiIndex: Int? {
        switch self {
        case .default, .indexed, .rgb: return nil
        default: return Color.ansi.firstIndex(of: self)
        }
    }

    /// The colour as one word: a kind in the top byte (default, named, indexed, RGB) and its
    /// value below, so styles compare without looking into the enum.
    var packed: UInt32 {
        switch self {
        case .default: return 0
        case .indexed(let i): return 2 << 24 | UInt32(i)
        case .rgb(let r, let g, let b): return 3 << 24 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
        default: return 1 << 24 | UInt32(ansiIndex!)
        }
    }

    /// The colour ``packed`` stands for.
    init(packed: UInt32) {
        let value = packed & 0xFF_FFFF
        switch packed >> 24 {
        case 1: self = Color.ansi[Int(value)]
        case 2: self = .indexed(UInt8(value))
        case 3: self = .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        default: self = .default
        }
    }

    /// Parses a theme colour: a name (`red`, `brightRed`, `bright-red`, `gray`, `default`),
    /// a palette index `0`–`255`, or `#rrggbb`. Returns `nil` for anything else.
    public init?(parsing text: String) {
        let t = text.trimmingSpaces()
        if t.hasPrefix("#") {
            let hex = Array(t.utf8.dropFirst())
            guard hex.count == 6, let v = UInt32(String(decoding: hex, as: UTF8.self), radix: 16) else {
                return nil
            }
            self = .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
            return
        }
        if let n = Int(t) {
            guard (0...255).contains(n) else { return nil }
            self = .indexed(UInt8(n))
            return
        }
        let key = t.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        if let c = Color.names[key] {
            self = c
            return
        }
        return nil
    }

    /// Approximate RGB for comparisons (xterm's default palette for the ANSI colours);
    /// `nil` for `.default`, whose real value only the terminal knows.
    public var rgbValue: (r: UInt8, g: UInt8, b: UInt8)? {
        switch self {
        case .default: return nil
        case .rgb(let r, let g, let b): return (r, g, b)
        case .indexed(let i): return Color.paletteRGB(Int(i))
        default: return Color.paletteRGB(ansiIndex!)
        }
    }

    /// RGB of a palette entry (xterm defaults).
    static func paletteRGB(_ index: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        switch index {
        case 0..<16:
            return ansiRGB[index]
        case 16..<232:
            let i = index - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        default:
            let g = UInt8(8 + 10 * (index - 232))
            return (g, g, g)
        }
    }

    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    static let ansiRGB: [(r: UInt8, g: UInt8, b: UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let names: [String: Color] = {
        var table: [String: Color] = ["default": .default, "none": .default, "reset": .default]
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        for (i, name) in base.enumerated() {
            table[name] = ansi[i]
            table["bright" + name] = ansi[i + 8]
            table["light" + name] = ansi[i + 8]
        }
        table["gray"] = .brightBlack
        table["grey"] = .brightBlack
        table["darkgray"] = .brightBlack
        table["darkgrey"] = .brightBlack
        return table
    }()
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
