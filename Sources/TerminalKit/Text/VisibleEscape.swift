/// The visible stand-ins for characters that must never reach the terminal raw.
///
/// Terminals act on control characters (cursor moves, title changes, clipboard writes), and
/// bidi overrides reorder what is shown, so output from an untrusted container could forge or
/// hide text. Each such scalar is replaced by plain printable text: ESC by `␛` (the rest of an
/// escape sequence then reads as ordinary text, e.g. `␛[31m`), other C0 controls and DEL by
/// caret notation (`^G`, `^?`), C1 controls and invisible reordering/separator characters by
/// `<U+009B>`.
public enum VisibleEscape {
    /// The glyph shown for ESC (U+241B SYMBOL FOR ESCAPE, one column wide).
    public static let escapeSymbol = "\u{241B}"

    /// The visible replacement for `scalar`, or `nil` when it is safe to draw as is.
    public static func text(for scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        switch v {
        case 0x1B:
            return escapeSymbol
        case 0x00...0x1F:
            return "^" + String(Unicode.Scalar(UInt8(v) + 0x40))
        case 0x7F:
            return "^?"
        default:
            return needsCodepointEscape(v) ? codepointNotation(v) : nil
        }
    }

    /// Whether `scalar` is replaced by ``text(for:)``.
    @inline(__always)
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || needsCodepointEscape(v)
    }

    /// `<U+XXXX>` with at least four upper-case hex digits.
    public static func codepointNotation(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    @inline(__always)
    static func needsCodepointEscape(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0x9F,            // C1 controls (0x9B is a one-byte CSI for some terminals)
             0x061C,                 // Arabic letter mark
             0x200E, 0x200F,         // LRM / RLM
             0x2028, 0x2029,         // line / paragraph separator
             0x202A...0x202E,        // bidi embeddings and overrides
             0x2066...0x2069:        // bidi isolates
            return true
        default:
            return false
        }
    }
}
