#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one compiled POSIX regex (`regex_t`) for its whole life.
///
/// The `regex_t` lives in its own heap allocation so that its address never moves while glibc's
/// matcher holds pointers into it.
final class CompiledRegex: @unchecked Sendable {
    // @unchecked: the regex is never mutated after `init`, and glibc's `regexec` serialises its
    // own internal state with a lock, so sharing one compiled pattern across threads is safe.
    private let storage: UnsafeMutablePointer<regex_t>

    /// Compiles `pattern` as a case-insensitive extended regex without sub-match reporting.
    /// - Returns: the compiled regex, or the text of `regerror` on failure.
    static func compile(_ pattern: String) -> Result<CompiledRegex, CompileFailure> {
        if pattern.utf8.contains(0) {
            return .failure(CompileFailure(reason: "pattern contains a NUL byte"))
        }
        let storage = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        storage.initialize(to: regex_t())
        let code = regcomp(storage, foldableEscapes(pattern), REG_EXTENDED | REG_NOSUB | REG_ICASE)
        guard code == 0 else {
            let reason = Self.describe(code: code, regex: storage)
            // regcomp frees its own partial state on failure; only our allocation is left.
            storage.deinitialize(count: 1)
            storage.deallocate()
            return .failure(CompileFailure(reason: reason))
        }
        return .success(CompiledRegex(storage: storage))
    }

    private init(storage: UnsafeMutablePointer<regex_t>) {
        self.storage = storage
    }

    deinit {
        regfree(storage)
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// True when the regex matches anywhere in `text` (an unanchored search, like `grep -E`).
    func matches(_ text: String) -> Bool {
        regexec(storage, text, 0, nil, 0) == 0
    }

    /// glibc reads an escaped letter with no meaning of its own (`\d`, `\x`) as that letter, but
    /// under `REG_ICASE` it then fails to fold its case (`^\d$` matches neither "d" nor "D").
    /// Writing such letters unescaped keeps their meaning and lets case folding apply. The
    /// escapes glibc gives a meaning (`\w \W \s \S \b \B`) stay, as does everything inside a
    /// bracket expression, where a backslash is an ordinary character.
    static func foldableEscapes(_ pattern: String) -> String {
        let meaningful: Set<Character> = ["w", "W", "s", "S", "b", "B"]
        var out = ""
        var chars = pattern[...]
        var inBracket = false
        while let c = chars.popFirst() {
            if inBracket {
                out.append(c)
                if c == "[", let kind = chars.first, ":=.".contains(kind) {
                    // [:class:], [=equiv=], [.coll.]: copy up to the matching closer.
                    let closer = String(kind) + "]"
                    if let end = chars.firstRange(of: closer) {
                        out += chars[..<end.upperBound]
                        chars = chars[end.upperBound...]
                    }
                } else if c == "]" {
                    inBracket = false
                }
            } else if c == "\\", let next = chars.first {
                chars.removeFirst()
                if next.isASCII && next.isLetter && !meaningful.contains(next) {
                    out.append(next)
                } else {
                    out.append(c)
                    out.append(next)
                }
            } else if c == "[" {
                out.append(c)
                inBracket = true
                // A `]` first in the bracket (after an optional `^`) is a member, not the end.
                if chars.first == "^" { out.append(chars.removeFirst()) }
                if chars.first == "]" { out.append(chars.removeFirst()) }
            } else {
                out.append(c)
            }
        }
        return out
    }

    private static func describe(code: Int32, regex: UnsafeMutablePointer<regex_t>) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        _ = regerror(code, regex, &buffer, buffer.count)
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Why `regcomp` refused a pattern.
    struct CompileFailure: Error {
        let reason: String
    }
}
