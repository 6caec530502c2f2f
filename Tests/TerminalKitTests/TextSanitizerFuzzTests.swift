import Isol8TestSupport
import TerminalKit
import XCTest

/// Seeded fuzzing of the sanitiser that stands between a container's bytes and the terminal:
/// whatever arrives, in whatever reads, nothing a terminal acts on comes out.
final class TextSanitizerFuzzTests: XCTestCase {
    /// Escape sequences, C1 controls (raw and as UTF-8), bidi controls, broken and overlong
    /// UTF-8, surrogates: what hostile output is made of.
    private static let hostilePieces: [[UInt8]] = [
        Array("\u{1B}]52;c;aGk=\u{07}".utf8), Array("\u{1B}]0;pwned\u{1B}\\".utf8), Array("\u{1B}[?1049h".utf8),
        Array("\u{1B}P1;2|x\u{1B}\\".utf8), Array("\u{1B}[31m".utf8), [0x9B, 0x33, 0x31, 0x6D], [0xC2, 0x9B], [0xC2, 0x9D],
        Array("\u{202E}".utf8), Array("\u{2066}".utf8), Array("\u{200F}".utf8), Array("\u{2028}".utf8),
        [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF], [0x0D], [0x0D, 0x0A], [0x09], [0x7F], [0x00],
        Array("é😀👨‍👩‍👧🇫🇷".utf8), Array("plain text ".utf8),
    ]

    private func hostileInput(_ random: inout SeededRandom) -> [UInt8] {
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
            return Fuzz.bytes(Int.random(in: 0...300, using: &random), using: &random, favouring: [0x1B, 0x07, 0x9B, 0x9D, 0xC2, 0xE2, 0x80, 0x0D, 0x0A, 0x09])
        case 1:
            return (0..<Int.random(in: 0...20, using: &random)).flatMap { _ in Self.hostilePieces.randomElement(using: &random)! }
        default:
            let valid = (0..<Int.random(in: 1...20, using: &random)).flatMap { _ in Self.hostilePieces.randomElement(using: &random)! }
            return Fuzz.mutate(valid, using: &random, inserting: [0x1B, 0x9B, 0xC2, 0x0D])
        }
    }

    /// What no terminal may receive from a container: any control but `\n` (tabs are expanded),
    /// DEL, C1 controls, and the invisible characters that reorder or break lines.
    private func forbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    func testNothingATerminalActsOnGetsThroughWhateverTheReads() {
        Fuzz.run("TextSanitizer", cases: 5000) { random in
            let input = hostileInput(&random)
            var sanitizer = TextSanitizer(tabWidth: Int.random(in: 1...8, using: &random))
            let tabWidth = sanitizer.tabWidth
            let cut = Fuzz.chunks(input, using: &random).map { sanitizer.feed($0) }.joined() + sanitizer.finish()
            let shown = String(decoding: input, as: UTF8.self).debugDescription
            if let bad = cut.unicodeScalars.first(where: forbidden) {
                throw Fuzz.Violation("U+\(String(bad.value, radix: 16)) reached the output \(cut.debugDescription) of \(shown)")
            }
            // Valid UTF-8 whatever came in: what the terminal gets decodes to the same text.
            guard String(validating: Array(cut.utf8), as: UTF8.self) == cut else { throw Fuzz.Violation("invalid UTF-8 out of \(shown)") }
            let whole = TextSanitizer.sanitize(input, tabWidth: tabWidth)
            guard whole == cut else { throw Fuzz.Violation("cut reads gave \(cut.debugDescription), one read \(whole.debugDescription), input \(shown)") }
            // Linear: at most a tab stop or a `<U+XXXX>` per input byte.
            guard cut.utf8.count <= 10 * input.count else { throw Fuzz.Violation("\(cut.utf8.count) bytes out of \(input.count): \(shown)") }
            // Every line break is kept, so output never joins or hides lines.
            guard cut.unicodeScalars.filter({ $0 == "\n" }).count == input.filter({ $0 == 0x0A }).count else {
                throw Fuzz.Violation("line breaks changed: \(cut.debugDescription) from \(shown)")
            }
        }
    }

    /// Plain chunks are checked eight bytes at a time: whichever byte of a word is a newline, a
    /// tab, DEL, a control or not ASCII, the string path must come out as the byte path does,
    /// tab stops (the column it carries on from) included.
    func testTheWordAtATimePlainCheckAgreesWithTheBytePath() {
        let alphabet = ["a", "~", " ", "\n", "\t", "\u{7F}", "\u{1F}", "\u{1B}", "é", "\r"]
        Fuzz.run("plain check", cases: 2_000) { random in
            var strings = TextSanitizer(), bytes = TextSanitizer()
            var viaStrings = "", viaBytes = ""
            var chunks: [String] = []
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let chunk = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                    random.oneIn(4) ? alphabet.randomElement(using: &random)! : "x"
                }.joined()
                chunks.append(chunk)
                viaStrings += strings.feed(chunk) + strings.feed("\t|")
                viaBytes += bytes.feed(Array(chunk.utf8)) + bytes.feed(Array("\t|".utf8))
            }
            viaStrings += strings.finish()
            viaBytes += bytes.finish()
            guard viaStrings == viaBytes else {
                throw Fuzz.Violation("chunks \(chunks): strings \(viaStrings.debugDescription), bytes \(viaBytes.debugDescription)")
            }
        }
    }
}
