import XCTest
@testable import TerminalKit

final class TextSanitizerTests: XCTestCase {
    private func clean(_ s: String) -> String { TextSanitizer.sanitize(s) }
    private func clean(_ bytes: [UInt8]) -> String { TextSanitizer.sanitize(bytes) }

    /// The property every case relies on: nothing but `\n` below U+0020, no DEL, no C1.
    private func assertSafe(_ s: String, file: StaticString = #filePath, line: UInt = #line) {
        let bad = s.unicodeScalars.filter { $0 != "\n" && VisibleEscape.needsEscape($0) }
        XCTAssertTrue(bad.isEmpty, "unsafe scalars \(bad.map { $0.value })", file: file, line: line)
    }

    func testPlainTextPassesThrough() {
        XCTAssertEqual(clean("hello\nworld\n"), "hello\nworld\n")
    }

    /// Plain chunks take the string path, which hands the text back as it is: the state they
    /// leave (the column a tab counts from, a pending CR, a split character) must be the one
    /// the byte path leaves.
    func testStringChunksLeaveTheSameStateAsBytes() {
        let chunks = ["ab", "\tc\nxyz", "\t|", "d\r", "\ne", "\u{1B}[31m", "\t.\n", "\n", ""]
        var strings = TextSanitizer(), bytes = TextSanitizer()
        var viaStrings = "", viaBytes = ""
        for chunk in chunks {
            viaStrings += strings.feed(chunk)
            viaBytes += bytes.feed(Array(chunk.utf8))
        }
        viaStrings += strings.finish()
        viaBytes += bytes.finish()
        XCTAssertEqual(viaStrings, viaBytes)
        XCTAssertEqual(viaStrings, "ab      c\nxyz     |d\ne␛[31m  .\n\n")
        var split = TextSanitizer()
        XCTAssertEqual(split.feed(Array("é".utf8.prefix(1))) + split.feed("x") + split.finish(), "\u{FFFD}x",
                       "a character cut by the chunk boundary is not hidden by the plain path")
    }

    func testCSIColourSequenceIsShownNotInterpreted() {
        let out = clean("\u{1B}[31mred\u{1B}[0m")
        XCTAssertEqual(out, "␛[31mred␛[0m")
        assertSafe(out)
    }

    func testOSCTitleChangeIsNeutralised() {
        XCTAssertEqual(clean("\u{1B}]0;pwned\u{07}ok"), "␛]0;pwned^Gok")
        XCTAssertEqual(clean("\u{1B}]2;title\u{1B}\\"), "␛]2;title␛\\")
    }

    func testOSC52ClipboardWriteIsNeutralised() {
        let out = clean("\u{1B}]52;c;cm0gLXJmIH4=\u{07}")
        XCTAssertEqual(out, "␛]52;c;cm0gLXJmIH4=^G")
        assertSafe(out)
    }

    func testDCSAndOtherEscapesAreNeutralised() {
        let out = clean("\u{1B}P1$r\u{1B}\\\u{1B}c\u{1B}[2J")
        XCTAssertEqual(out, "␛P1$r␛\\␛c␛[2J")
        assertSafe(out)
    }

    func testBELAndOtherC0ControlsUseCaretNotation() {
        XCTAssertEqual(clean("ding\u{07}"), "ding^G")
        XCTAssertEqual(clean("\u{00}\u{08}\u{0C}\u{7F}"), "^@^H^L^?")
    }

    func testC1ControlsAreShownAsCodepoints() {
        // U+009B is a one-byte CSI on terminals that honour C1 controls.
        let out = clean("a\u{9B}31mb\u{85}c")
        XCTAssertEqual(out, "a<U+009B>31mb<U+0085>c")
        assertSafe(out)
    }

    func testBidiOverrideIsShownAsCodepoint() {
        XCTAssertEqual(clean("abc\u{202E}fed"), "abc<U+202E>fed")
    }

    func testInvalidUTF8BecomesReplacementCharacter() {
        XCTAssertEqual(clean([0x61, 0xFF, 0x62]), "a\u{FFFD}b")
        XCTAssertEqual(clean([0xC0, 0xAF]), "\u{FFFD}\u{FFFD}", "overlong encoding of /")
        XCTAssertEqual(clean([0xED, 0xA0, 0x80]), "\u{FFFD}\u{FFFD}\u{FFFD}", "UTF-8 encoded surrogate")
        XCTAssertEqual(clean([0xE4, 0xB8, 0x41]), "\u{FFFD}A", "truncated sequence keeps the next byte")
        XCTAssertEqual(clean([0xE4, 0xB8]), "\u{FFFD}", "truncated at end of stream")
        // Same replacement count as the standard library's decoder.
        let messy: [UInt8] = [0xF0, 0x9F, 0x98, 0x41, 0xC3, 0x28, 0xF8, 0x80, 0xE2, 0x82]
        XCTAssertEqual(clean(messy), String(decoding: messy, as: UTF8.self))
    }

    func testRawC1ByteIsInvalidUTF8() {
        let out = clean([0x9B, 0x33, 0x31, 0x6D])
        XCTAssertEqual(out, "\u{FFFD}31m")
    }

    func testMultibyteCharacterSplitAcrossChunksDecodes() {
        let bytes = Array("中😀é".utf8)  // 3 + 4 + 2 bytes
        for split in 1..<bytes.count {
            var s = TextSanitizer()
            let out = s.feed(bytes[..<split]) + s.feed(bytes[split...]) + s.finish()
            XCTAssertEqual(out, "中😀é", "split at \(split)")
        }
    }

    func testByteByByteFeedingMatchesOneShot() {
        let input = Array("a\u{1B}[1m中\tb\r\nc\u{9B}d".utf8) + [0xFF]
        var s = TextSanitizer()
        var out = ""
        for b in input { out += s.feed([b]) }
        out += s.finish()
        XCTAssertEqual(out, clean(input))
    }

    func testCRLFIsALineBreakAndLoneCRIsVisible() {
        XCTAssertEqual(clean("a\r\nb"), "a\nb")
        XCTAssertEqual(clean("50%\r100%"), "50%^M100%")
        XCTAssertEqual(clean("end\r"), "end^M")
        var s = TextSanitizer()
        XCTAssertEqual(s.feed(Array("a\r".utf8)), "a", "CR held until we know whether LF follows")
        XCTAssertEqual(s.feed(Array("\nb".utf8)), "\nb")
    }

    func testTabsExpandToNextMultipleOfEight() {
        XCTAssertEqual(clean("\tx"), "        x")
        XCTAssertEqual(clean("ab\tx"), "ab      x")
        XCTAssertEqual(clean("12345678\tx"), "12345678        x")
        XCTAssertEqual(clean("a\nb\tc"), "a\nb       c", "column restarts after a newline")
        XCTAssertEqual(clean("中\tx"), "中      x", "wide characters count two columns")
        XCTAssertEqual(TextSanitizer.sanitize("a\tb", tabWidth: 4), "a   b")
    }

    func testTabStopsSurviveChunkBoundaries() {
        var s = TextSanitizer()
        let out = s.feed(Array("abc".utf8)) + s.feed(Array("\tx".utf8))
        XCTAssertEqual(out, "abc     x")
    }

    func testWideCharactersEmojiAndCombiningMarksPassThrough() {
        let text = "中文 😀 👨‍👩‍👧 e\u{301} 🇫🇷"
        XCTAssertEqual(clean(text), text)
        var c = Canvas(width: 20, height: 1)
        c.put(clean(text), at: 0, 0)
        // The joined family is drawn as its three parts (see DisplayWidth).
        XCTAssertEqual(c.rows[0], "中文 😀 👨👩👧 e\u{301} 🇫🇷 ")
        XCTAssertEqual(c.cells.filter(\.isContinuation).count, 7)
    }

    func testHundredThousandCharacterLine() {
        let line = String(repeating: "abcd\u{1B}[0m", count: 12_500)
        XCTAssertEqual(line.count, 100_000)
        var s = TextSanitizer()
        var out = ""
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count {
            let end = min(bytes.count, i + 4096)
            out += s.feed(bytes[i..<end])
            i = end
        }
        out += s.finish()
        XCTAssertEqual(out.count, 100_000, "ESC becomes one visible character, nothing else grows")
        XCTAssertTrue(out.hasPrefix("abcd␛[0mabcd"))
        XCTAssertFalse(out.contains("\n"))
        XCTAssertFalse(out.unicodeScalars.contains("\u{1B}"))

        let plain = String(repeating: "x", count: 100_000)
        XCTAssertEqual(clean(plain).utf8.count, 100_000)
    }
}
