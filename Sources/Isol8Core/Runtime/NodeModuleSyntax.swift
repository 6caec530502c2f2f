/// Whether node code is written as an ES module. The images carry Debian's Node 18, which
/// runs `-e` code and `.js` files as CommonJS, where `import`/`export` are syntax errors;
/// the Node of the original isol8 notices module syntax itself. This scan stands in for
/// that detection: an `import` declaration (not `import(…)`), `import.meta`, or an `export`
/// outside comments, strings, template literals and regular expressions makes a module.
/// (Top-level `await` alone is not detected: such code needs an `import`, or a `.mjs` file.)
public enum NodeModuleSyntax {
    public static func isModule(_ code: String) -> Bool {
        var scanner = Scanner(Array(code.utf8))
        return scanner.findsModuleSyntax()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        /// The last byte of code seen (not of a comment or a literal): decides whether a `/`
        /// opens a regular expression and whether a word follows a `.`.
        var previous: UInt8 = UInt8(ascii: ";")

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func findsModuleSyntax() -> Bool {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                    skip(past: [UInt8(ascii: "\n")])
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                    index += 2
                    skip(past: Array("*/".utf8))
                case UInt8(ascii: "/") where Self.regexMayFollow.contains(previous):
                    skipRegex()
                    previous = UInt8(ascii: "/")
                case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                    skipQuoted(byte)
                    previous = byte
                case _ where Self.isWordByte(byte):
                    let start = index
                    while index < bytes.count, Self.isWordByte(bytes[index]) { index += 1 }
                    let word = String(decoding: bytes[start..<index], as: UTF8.self)
                    if previous != UInt8(ascii: "."), declaresModule(word) { return true }
                    previous = bytes[index - 1]
                default:
                    if !Self.isSpace(byte) { previous = byte }
                    index += 1
                }
            }
            return false
        }

        /// `export …` (not `export(`/`export.`/`export =`), `import x`/`import {`/`import *`/
        /// `import "side-effect"`, or `import.meta`.
        private func declaresModule(_ word: String) -> Bool {
            guard word == "import" || word == "export" else { return false }
            var next = index
            while next < bytes.count, Self.isSpace(bytes[next]) { next += 1 }
            guard next < bytes.count else { return false }
            let following = bytes[next]
            if word == "import" {
                if following == UInt8(ascii: ".") { return bytes[next...].starts(with: Array(".meta".utf8)) }
                return Self.isWordByte(following) || [UInt8(ascii: "{"), UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "\"")].contains(following)
            }
            return Self.isWordByte(following) || following == UInt8(ascii: "{") || following == UInt8(ascii: "*")
        }

        private func peek(_ offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        private mutating func skip(past end: [UInt8]) {
            while index < bytes.count, !bytes[index...].starts(with: end) { index += 1 }
            index = min(bytes.count, index + end.count)
        }

        /// A string or template literal (a template's `${…}` is skipped with it).
        private mutating func skipQuoted(_ quote: UInt8) {
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                index += byte == UInt8(ascii: "\\") ? 2 : 1
                if byte == quote { return }
                if byte == UInt8(ascii: "\n"), quote != UInt8(ascii: "`") { return }  // unterminated: stop at the line end
            }
        }

        /// `/…/flags`, where a `/` inside `[…]` does not end it.
        private mutating func skipRegex() {
            index += 1
            var inClass = false
            while index < bytes.count {
                let byte = bytes[index]
                index += byte == UInt8(ascii: "\\") ? 2 : 1
                switch byte {
                case UInt8(ascii: "["): inClass = true
                case UInt8(ascii: "]"): inClass = false
                case UInt8(ascii: "/") where !inClass: return
                case UInt8(ascii: "\n"): return
                default: break
                }
            }
        }

        /// After these a `/` starts a regular expression rather than dividing.
        private static let regexMayFollow = Set("(,=:[!&|?{};+-*%<>~^".utf8)

        private static func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
    }
}
