import CNcurses
import TerminalKit

/// Neighbouring one-column cells of one row in one look, gathered so that curses gets one call
/// per run of changed cells instead of one per cell.
struct GlyphRun {
    private var chars: [wchar_t] = []
    private var x = 0, y = 0
    private var attributes: attr_t = 0
    private var pair: Int32 = 0

    init() {
        chars.reserveCapacity(256)
    }

    /// Adds the character at (`x`, `y`) if it continues the run; `false` when it does not
    /// (``flush()`` first, then add it to the fresh run).
    mutating func append(_ char: wchar_t, x: Int, y: Int, attributes: attr_t, pair: Int32) -> Bool {
        if chars.isEmpty {
            (self.x, self.y, self.attributes, self.pair) = (x, y, attributes, pair)
        } else if y != self.y || x != self.x + chars.count || attributes != self.attributes || pair != self.pair {
            return false
        }
        chars.append(char)
        return true
    }

    /// Hands the run to curses and starts an empty one.
    mutating func flush() {
        guard !chars.isEmpty else { return }
        _ = cn_put_run(Int32(y), Int32(x), chars, Int32(chars.count), attributes, pair)
        chars.removeAll(keepingCapacity: true)
    }

    /// The character of a cell that can go in a run: one scalar that we and curses both draw
    /// one column wide (printable ASCII and box drawing, i.e. text and borders). Anything
    /// else takes the per-cell path, where curses measures it itself.
    static func char(of cell: Cell) -> wchar_t? {
        guard cell.width == 1, let scalar = cell.glyph.shortScalar else { return nil }
        guard (0x20..<0x7F).contains(scalar) || (0x2500...0x257F).contains(scalar) else { return nil }
        return wchar_t(bitPattern: scalar)
    }
}
