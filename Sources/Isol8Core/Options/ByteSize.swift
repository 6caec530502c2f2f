import Foundation

/// A size as Docker writes it — `512m`, `1g`, `256k`, `1024`, `512mb` (compat §2.3) — that keeps
/// the text it was read from, so a value shows and travels exactly as the user wrote it.
public struct ByteSize: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let bytes: Int64
    /// The lower-cased text the size was read from.
    public let text: String

    /// Reads `text`; throws isol8's own "Invalid memory limit format" error otherwise.
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        var number = ""
        var rest = Substring(trimmed)
        while let c = rest.first, c.isASCII, c.isNumber || c == "." {
            number.append(c)
            rest = rest.dropFirst()
        }
        rest = rest.drop(while: { $0 == " " || $0 == "\t" })
        let unit = rest.first.flatMap { "kmgt".contains($0) ? $0 : nil }
        if unit != nil { rest = rest.dropFirst() }
        if rest == "b" { rest = rest.dropFirst() }
        guard rest.isEmpty, Self.isDecimal(number), let value = Double(number) else {
            throw Isol8Error.invalidMemoryLimit(text)
        }
        let scaled = value * Double(Self.multiplier(unit))
        guard scaled < Double(Int64.max) else { throw Isol8Error.invalidMemoryLimit(text) }
        self.bytes = Int64(scaled.rounded(.down))
        self.text = trimmed
    }

    /// A size of `bytes`, written in the largest unit that divides it.
    public init(bytes: Int64) {
        self.bytes = bytes
        let unit = ["g", "m", "k"].first { bytes != 0 && bytes % Self.multiplier(Character($0)) == 0 }
        self.text = unit.map { "\(bytes / Self.multiplier(Character($0)))\($0)" } ?? String(bytes)
    }

    public var description: String { text }

    public static func < (lhs: ByteSize, rhs: ByteSize) -> Bool { lhs.bytes < rhs.bytes }
    public static func == (lhs: ByteSize, rhs: ByteSize) -> Bool { lhs.bytes == rhs.bytes }
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

    private static func multiplier(_ unit: Character?) -> Int64 {
        switch unit {
        case "k": return 1 << 10
        case "m": return 1 << 20
        case "g": return 1 << 30
        case "t": return 1 << 40
        default: return 1
        }
    }

    /// `\d+(\.\d+)?`: digits, optionally one dot followed by more digits.
    private static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count <= 2 && parts.allSatisfy { !$0.isEmpty }
    }
}
