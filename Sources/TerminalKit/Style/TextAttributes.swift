/// Character attributes a terminal can show without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold text.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Faint text (secondary information).
    public static let dim = TextAttributes(rawValue: 1 << 1)
    /// Italic text.
    public static let italic = TextAttributes(rawValue: 1 << 2)
    /// Underline text.
    public static let underline = TextAttributes(rawValue: 1 << 3)
    /// Foreground and background swapped (selection bars without colour).
    public static let reverse = TextAttributes(rawValue: 1 << 4)

    /// Theme-file names, in the order they are written back out.
    public static let names: [(String, TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic),
        ("underline", .underline), ("reverse", .reverse),
    ]

    /// Parses one attribute name (`bold`, `dim`, `italic`, `underline`, `reverse`).
    public init?(name: String) {
        let key = name.trimmingSpaces().lowercased()
        guard let match = TextAttributes.names.first(where: { $0.0 == key }) else { return nil }
        self = match.1
    }
}
