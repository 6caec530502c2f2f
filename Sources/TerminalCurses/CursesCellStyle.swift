import CNcurses

/// A ``TerminalKit/Style`` in curses terms: colour numbers for a pair, and attribute bits.
struct CursesCellStyle: Hashable, Sendable {
    /// Foreground colour number; -1 is the terminal's default.
    var fg: Int32
    /// Background colour number; -1 is the terminal's default.
    var bg: Int32
    /// `A_*` bits for `setcchar`.
    var attributes: attr_t
}
