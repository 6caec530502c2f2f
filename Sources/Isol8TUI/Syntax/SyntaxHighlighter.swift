/// Line-at-a-time colouring: keywords, strings, comments and numbers. Each line is coloured
/// on its own (a string or comment spanning lines is not followed), which keeps drawing a
/// window of a long file independent of the lines above it.
public enum SyntaxHighlighter {
    /// The tokens of `line`, as (text, kind) runs covering it exactly.
    public static func tokens(_ line: String, language: SyntaxLanguage) -> [(String, SyntaxToken)] {
        guard language != .plain else { return [(line, .plain)] }
        let chars = Array(line)
        let keywords = language.keywords, quotes = language.quotes
        var out: [(String, SyntaxToken)] = []
        var plain = ""
        func flush() {
            if !plain.isEmpty { out.append((plain, .plain)) }
            plain = ""
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let atWordStart = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_")
            if isCommentStart(chars, i, language) {
                flush()
                out.append((String(chars[i...]), .comment))
                return out
            }
            if quotes.contains(c) {
                flush()
                var j = i + 1
                while j < chars.count && chars[j] != c {
                    j += chars[j] == "\\" ? 2 : 1
                }
                let end = min(j + 1, chars.count)
                out.append((String(chars[i..<end]), .string))
                i = end
                continue
            }
            if c.isNumber && atWordStart {
                flush()
                var j = i
                while j < chars.count && (chars[j].isHexDigit || chars[j] == "x" || chars[j] == "." || chars[j] == "_") { j += 1 }
                out.append((String(chars[i..<j]), .number))
                i = j
                continue
            }
            if language == .shell && c == "$" && i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1] == "{" || chars[i + 1] == "_") {
                flush()
                var j = i + 1
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || "_{}".contains(chars[j])) { j += 1 }
                out.append((String(chars[i..<j]), .number))
                i = j
                continue
            }
            if (c.isLetter || c == "_") && atWordStart {
                var j = i
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                let word = String(chars[i..<j])
                if keywords.contains(word) {
                    flush()
                    out.append((word, .keyword))
                } else {
                    plain += word
                }
                i = j
                continue
            }
            plain.append(c)
            i += 1
        }
        flush()
        return out
    }

    private static func isCommentStart(_ chars: [Character], _ i: Int, _ language: SyntaxLanguage) -> Bool {
        switch language {
        case .plain: return false
        case .python: return chars[i] == "#"
        case .shell: return chars[i] == "#" && (i == 0 || chars[i - 1] == " ")
        case .javascript: return chars[i] == "/" && i + 1 < chars.count && chars[i + 1] == "/"
        }
    }
}
