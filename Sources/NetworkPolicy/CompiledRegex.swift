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

    /// Compiles `pattern` as an extended regex without sub-match reporting.
    /// - Returns: the compiled regex, or the text of `regerror` on failure.
    static func compile(_ pattern: String) -> Result<CompiledRegex, CompileFailure> {
        if pattern.utf8.contains(0) {
            return .failure(CompileFailure(reason: "pattern contains a NUL byte"))
        }
        let storage = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        storage.initialize(to: regex_t())
        let code = regcomp(storage, pattern, REG_EXTENDED | REG_NOSUB)
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
