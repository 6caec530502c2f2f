#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal column widths of scalars, graphemes and strings, and the single place that decides
/// how a grapheme turns into cells (so measuring and drawing always agree).
///
/// Scalar widths come from the C library's `wcwidth`; graphemes are measured as the widest of
/// their scalars capped at 2, so combining marks stay with their base and flags and VS16 emoji
/// take two columns; emoji joined with U+200D are drawn as their parts, without the joiner.
public enum DisplayWidth {
    /// Width of one scalar as the terminal will draw it: 0, 1 or 2. Control characters report 0
    /// because they never reach a cell raw (see ``VisibleEscape``).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }
        if let wcwidth = libcWcwidth {
            let w = Int(wcwidth(Int32(bitPattern: v)))
            if w >= 0 { return min(w, 2) }
        }
        return fallbackWidth(scalar)
    }

    /// Width of one grapheme as drawn in cells, including the visible escapes for control
    /// characters; 0 only for invisible format characters, which are dropped when drawn.
    public static func of(_ character: Character) -> Int {
        var total = 0
        forEachCell(of: character) { _, w in total += w; return true }
        return total
    }

    /// Total width of `text` as drawn in cells.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // Table cells, titles and hints are nearly always ASCII: one column per byte, no
        // grapheme breaking needed.
        if PrintableASCII.contains(only: text) { return text.utf8.count }
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// Calls `body` with each cell-sized piece of `text` (`symbol`, width 1 or 2) in order; stops
    /// early when `body` returns `false`. Returns `false` if it was stopped.
    @discardableResult
    public static func forEachCell<S: StringProtocol>(
        in text: S, _ body: (String, Int) -> Bool
    ) -> Bool {
        for c in text where !forEachCell(of: c, body) { return false }
        return true
    }

    /// Cuts `text` to at most `width` columns, ending in `ellipsis` when something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "") -> String {
        let width = max(0, width)
        if of(text) <= width { return text }
        let tail = of(ellipsis) <= width ? ellipsis : ""
        let budget = width - of(tail)
        var out = "", used = 0
        forEachCell(in: text) { symbol, w in
            guard used + w <= budget else { return false }
            out += symbol
            used += w
            return true
        }
        return out + tail
    }

    /// Pads (or truncates with `…`) `text` to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let width = max(0, width)
        let cut = truncate(text, to: width, ellipsis: "…")
        let gap = width - of(cut)
        guard gap > 0 else { return cut }
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }

    // MARK: - Graphemes to cells

    /// The cell form of one grapheme. Kept in one function so `of` and drawing cannot disagree.
    @inline(__always)
    @discardableResult
    static func forEachCell(of c: Character, _ body: (String, Int) -> Bool) -> Bool {
        let utf8 = c.utf8
        if utf8.count == 1 {
            let b = utf8.first!
            if b >= 0x20 && b < 0x7F { return body(String(c), 1) }
        }
        let scalars = c.unicodeScalars
        if scalars.contains(where: VisibleEscape.needsEscape) {
            // Control characters are grapheme boundaries (only CR LF pairs), so each scalar here
            // can be shown on its own.
            for s in scalars {
                if let escape = VisibleEscape.text(for: s) {
                    for e in escape where !body(String(e), 1) { return false }
                } else if !forEachCell(of: Character(s), body) {
                    return false
                }
            }
            return true
        }
        if scalars.count > 1, scalars.contains(zeroWidthJoiner) {
            // Terminals disagree on joining emoji (one glyph, or the parts side by side), so a
            // joined sequence is drawn as its parts everywhere and the joiner is dropped: no cell
            // is left holding a stray U+200D, and measuring and drawing agree on every terminal.
            for part in scalars.split(separator: zeroWidthJoiner) {
                var text = ""
                text.unicodeScalars.append(contentsOf: part)
                if !forEachCell(in: text, body) { return false }
            }
            return true
        }
        let w = graphemeWidth(scalars)
        if w > 0 { return body(String(c), w) }
        let first = scalars.first!
        switch first.properties.generalCategory {
        case .format, .control, .unassigned, .surrogate:
            return true  // invisible: nothing to draw
        case .nonspacingMark, .enclosingMark, .spacingMark:
            // A mark with no base (start of text) gets the conventional dotted-circle base.
            return body("\u{25CC}" + String(c), 1)
        default:
            return body(String(c), 1)
        }
    }

    static func graphemeWidth(_ scalars: Character.UnicodeScalarView) -> Int {
        var it = scalars.makeIterator()
        guard let first = it.next() else { return 0 }
        if isRegionalIndicator(first) {
            return it.next() == nil ? 1 : 2
        }
        var width = of(first)
        while let s = it.next() {
            if s.value == 0xFE0F {
                // VS16 asks for emoji presentation, which terminals draw two columns wide.
                if first.properties.isEmoji { width = 2 }
            } else {
                width = max(width, of(s))
            }
        }
        return min(width, 2)
    }

    static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"

    @inline(__always)
    static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(s.value)
    }

    // MARK: - wcwidth

    private typealias WcwidthFunction = @convention(c) (Int32) -> Int32

    /// `wcwidth` is hidden behind `_XOPEN_SOURCE` in the Glibc module, so it is looked up at
    /// run time. It only knows non-ASCII widths in a UTF-8 `LC_CTYPE`; when the process is still
    /// in the "C" locale we switch `LC_CTYPE` (only) to a UTF-8 one, and fall back to our own
    /// table if none exists.
    private static let libcWcwidth: WcwidthFunction? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "wcwidth") else {
            return nil
        }
        let fn = unsafeBitCast(symbol, to: WcwidthFunction.self)
        let probe: Int32 = 0x4E2D  // 中, wide in every Unicode version
        if fn(probe) != 2 {
            for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
                if setlocale(LC_CTYPE, name) != nil, fn(probe) == 2 { break }
            }
        }
        return fn(probe) == 2 ? fn : nil
    }()

    /// Used when `wcwidth` is missing, cannot be made UTF-8 aware, or does not know a scalar
    /// (newer emoji than the C library's tables).
    static func fallbackWidth(_ scalar: Unicode.Scalar) -> Int {
        let props = scalar.properties
        if props.isEmojiPresentation { return 2 }
        switch props.generalCategory {
        case .nonspacingMark, .enclosingMark, .control:
            return 0
        case .format:
            return scalar.value == 0xAD ? 1 : 0
        default:
            break
        }
        let v = scalar.value
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels / final consonants
        for range in wideRanges where range.contains(v) { return 2 }
        return 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E,
        0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
