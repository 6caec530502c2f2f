import UTF8Stream

/// Turns untrusted bytes (container stdout/stderr) into text that is safe to draw.
///
/// The output contains no control character except `\n`:
/// - every other control, DEL, C1 control, bidi override/isolate and line/paragraph separator
///   is replaced by its visible form from ``VisibleEscape``. Escape sequences (CSI colours,
///   OSC 0/2 title changes, OSC 52 clipboard writes, DCS …) are therefore not interpreted at
///   all: ESC becomes `␛` and the rest of the sequence stays as the plain text it is, so there is
///   no parser state that a hostile stream could desynchronise;
/// - `\t` expands to spaces up to the next multiple of ``tabWidth`` columns;
/// - invalid UTF-8 becomes U+FFFD.
///
/// Feed chunks as they arrive; characters and `\r\n` pairs split across chunks are handled.
/// Work is linear in the input, however long a line gets.
public struct TextSanitizer: Sendable {
    /// Tab stops are every `tabWidth` columns.
    public var tabWidth: Int

    private var decoder = UTF8StreamDecoder()
    /// Display column in the current line; only used to place tab stops.
    private var column = 0
    private var pendingCR = false
    private var afterZWJ = false
    private var openRegionalIndicator = false
    private var lastBaseWasNarrowEmoji = false

    /// Creates a sanitizer for one stream (keep one per stream: stdout and stderr interleave).
    public init(tabWidth: Int = 8) {
        self.tabWidth = max(1, tabWidth)
    }

    /// Sanitises the next chunk. The result may lack the tail of the chunk (an unfinished
    /// UTF-8 character or a trailing `\r`); it comes out with the next chunk or ``finish()``.
    public mutating func feed(_ text: String) -> String {
        // A flood is mostly printable ASCII and newlines, which come out as they went in: hand
        // back the same string instead of building a copy byte by byte.
        if !text.isEmpty && !decoder.hasPartialCharacter && !pendingCR, let column = Self.plainColumn(of: text.utf8, after: column) {
            self.column = column
            resetJoinState()
            return text
        }
        return feed(text.utf8)
    }

    /// The column after `utf8` when it holds only printable ASCII and `\n` (which sanitise to
    /// themselves), starting from `column`; nil when anything else is in it.
    ///
    /// Every byte of a flood passes here, so eight are checked at a time; only a word holding
    /// a newline (or something to sanitise) is looked at byte by byte.
    private static func plainColumn(of utf8: String.UTF8View, after column: Int) -> Int? {
        utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let base = bytes.baseAddress else { return column }
            let count = bytes.count
            var column = column
            var i = 0
            while i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if !PrintableASCII.mayHaveOther(word) {
                    column += 8
                } else {
                    for byte in UnsafeBufferPointer(start: base + i, count: 8) {
                        guard let next = Self.plainColumn(after: byte, column) else { return nil }
                        column = next
                    }
                }
                i += 8
            }
            while i < count {
                guard let next = Self.plainColumn(after: base[i], column) else { return nil }
                column = next
                i += 1
            }
            return column
        } ?? nil
    }

    @inline(__always)
    private static func plainColumn(after byte: UInt8, _ column: Int) -> Int? {
        if byte >= 0x20 && byte < 0x7F { return column + 1 }
        return byte == 0x0A ? 0 : nil
    }

    /// The same for bytes that are not (yet) a string.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        // Called from another module this generic runs unspecialised, and stepping through the
        // Sequence witnesses cost more than the sanitising itself (most of a flood's CPU):
        // the loop runs on a concrete buffer instead.
        if let text = bytes.withContiguousStorageIfAvailable({ feed(contiguous: $0) }) { return text }
        return Array(bytes).withUnsafeBufferPointer { feed(contiguous: $0) }
    }

    private mutating func feed(contiguous bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        // A local copy: `handle` mutates self, which must not overlap an access to `decoder`.
        var decoder = self.decoder
        defer { self.decoder = decoder }
        for byte in bytes {
            // Printable ASCII is the common case; skip the decoder and width lookups for it.
            if byte >= 0x20 && byte < 0x7F && !decoder.hasPartialCharacter && !pendingCR {
                out.append(byte)
                column += 1
                afterZWJ = false
                openRegionalIndicator = false
                lastBaseWasNarrowEmoji = false
                continue
            }
            decoder.decode(byte) { handle($0, into: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Flushes what the stream left pending at its end.
    public mutating func finish() -> String {
        var out: [UInt8] = []
        var decoder = self.decoder
        decoder.finish { handle($0, into: &out) }
        self.decoder = decoder
        if pendingCR {
            pendingCR = false
            append("^M", into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Sanitises a complete byte sequence in one go.
    public static func sanitize<Bytes: Sequence>(_ bytes: Bytes, tabWidth: Int = 8) -> String
    where Bytes.Element == UInt8 {
        var sanitizer = TextSanitizer(tabWidth: tabWidth)
        return sanitizer.feed(bytes) + sanitizer.finish()
    }

    /// Sanitises a string (for example a file read from a container).
    public static func sanitize(_ text: String, tabWidth: Int = 8) -> String {
        sanitize(text.utf8, tabWidth: tabWidth)
    }

    private mutating func handle(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
        if pendingCR {
            pendingCR = false
            if scalar == "\n" {
                newline(into: &out)
                return
            }
            append("^M", into: &out)
        }
        switch scalar.value {
        case 0x0A:
            newline(into: &out)
        case 0x0D:
            // A lone CR is shown as ^M rather than rewinding the line: the debugger shows what
            // was written, and output can never overwrite earlier text. CR LF is a line break.
            pendingCR = true
        case 0x09:
            let spaces = tabWidth - column % tabWidth
            out.append(contentsOf: repeatElement(0x20, count: spaces))
            column += spaces
            resetJoinState()
        default:
            if let escape = VisibleEscape.text(for: scalar) {
                append(escape, into: &out)
            } else {
                UTF8.encode(scalar) { out.append($0) }
                column += advance(for: scalar)
            }
        }
    }

    /// Column advance of one scalar inside a grapheme, approximating `DisplayWidth.of` without
    /// holding graphemes back across chunks (ZWJ sequences and flag pairs count once).
    private mutating func advance(for scalar: Unicode.Scalar) -> Int {
        if scalar.value == 0x200D {
            afterZWJ = true
            return 0
        }
        if afterZWJ {
            afterZWJ = false
            return 0
        }
        if scalar.value == 0xFE0F {
            defer { lastBaseWasNarrowEmoji = false }
            return lastBaseWasNarrowEmoji ? 1 : 0
        }
        if DisplayWidth.isRegionalIndicator(scalar) {
            openRegionalIndicator.toggle()
            return openRegionalIndicator ? 2 : 0
        }
        openRegionalIndicator = false
        let w = DisplayWidth.of(scalar)
        if w > 0 { lastBaseWasNarrowEmoji = w == 1 && scalar.properties.isEmoji }
        return w
    }

    private mutating func newline(into out: inout [UInt8]) {
        out.append(0x0A)
        column = 0
        resetJoinState()
    }

    private mutating func append(_ text: String, into out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
        column += text.count  // escapes are one column per character
        resetJoinState()
    }

    private mutating func resetJoinState() {
        afterZWJ = false
        openRegionalIndicator = false
        lastBaseWasNarrowEmoji = false
    }
}
