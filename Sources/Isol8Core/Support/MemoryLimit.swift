import Foundation

/// Parses Docker-style sizes such as `512m`, `1g`, `256k`, `1024`, `512mb` (spec §2.3).
public enum MemoryLimit {
    public static func parse(_ text: String) throws -> Int64 {
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
        guard rest.isEmpty, isDecimal(number), let value = Double(number) else {
            throw Isol8Error.invalidMemoryLimit(text)
        }
        let multiplier: Double
        switch unit {
        case "k": multiplier = 1024
        case "m": multiplier = 1024 * 1024
        case "g": multiplier = 1024 * 1024 * 1024
        case "t": multiplier = 1024 * 1024 * 1024 * 1024
        default: multiplier = 1
        }
        return Int64((value * multiplier).rounded(.down))
    }

    /// `\d+(\.\d+)?`: digits, optionally one dot followed by more digits.
    private static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        return true
    }
}
