import CNcurses
import TerminalKit

/// Maps a ``Style`` to colour numbers and attributes for one ``CursesPalette``. Pure: the
/// pair number is assigned later by ``PairTable``.
enum StyleResolver {
    static func resolve(_ style: Style, palette: CursesPalette) -> CursesCellStyle {
        var attributes = attr_t(0)
        if style.attributes.contains(.bold) { attributes |= cn_attr_bold() }
        if style.attributes.contains(.dim) { attributes |= cn_attr_dim() }
        if style.attributes.contains(.italic) { attributes |= cn_attr_italic() }
        if style.attributes.contains(.underline) { attributes |= cn_attr_underline() }
        if style.attributes.contains(.reverse) { attributes |= cn_attr_reverse() }
        guard palette.capability != .none else {
            return CursesCellStyle(fg: -1, bg: -1, attributes: attributes)
        }
        let fg = color(style.fg, palette: palette, isForeground: true)
        let bg = color(style.bg, palette: palette, isForeground: false)
        // Eight-colour terminals show the bright half of the palette as bold text.
        if fg.bright { attributes |= cn_attr_bold() }
        return CursesCellStyle(fg: fg.number, bg: bg.number, attributes: attributes)
    }

    /// The colour number for `color`, and whether it lost its brightness on the way.
    static func color(_ color: Color, palette: CursesPalette, isForeground: Bool)
        -> (number: Int32, bright: Bool)
    {
        if palette.capability == .none { return (-1, false) }
        if color == .default {
            // Without use_default_colors, -1 is invalid; white on black is curses' own default.
            return (palette.defaultColors ? -1 : (isForeground ? 7 : 0), false)
        }
        // Only a direct-colour terminal takes RGB; elsewhere 24-bit colour goes through the palette.
        let target = palette.capability == .trueColor && !palette.direct ? .palette256 : palette.capability
        let adapted = color.adapted(to: target)
        if palette.direct {
            if let i = paletteIndex(adapted), i < 8 { return (Int32(i), false) }
            guard let rgb = adapted.rgbValue else { return (-1, false) }
            return (Int32(rgb.r) << 16 | Int32(rgb.g) << 8 | Int32(rgb.b), false)
        }
        if palette.capability == .ansi8 {
            let bright = (paletteIndex(color) ?? 0) >= 8 && (paletteIndex(color) ?? 0) < 16
            return (Int32(paletteIndex(adapted) ?? -1), bright && isForeground)
        }
        return (Int32(paletteIndex(adapted) ?? -1), false)
    }

    private static func paletteIndex(_ color: Color) -> Int? {
        if let i = color.ansiIndex { return i }
        if case .indexed(let i) = color { return Int(i) }
        return nil
    }
}
