/// One row of a ``ListView``: a text per column, and an optional style for the whole row
/// (e.g. ``ThemeRole/block`` for a denied request).
public struct ListRow: Hashable, Sendable {
    /// Cell texts, one per column; missing cells are blank, extra ones ignored.
    public var cells: [String]
    /// Row style; `nil` uses ``ThemeRole/text``.
    public var style: Style?

    /// Creates a row.
    public init(_ cells: [String], style: Style? = nil) {
        self.cells = cells
        self.style = style
    }

    /// A single-column row.
    public init(_ text: String, style: Style? = nil) {
        self.init([text], style: style)
    }
}
