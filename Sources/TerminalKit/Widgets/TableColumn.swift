/// One column of a ``ListView``.
public struct TableColumn: Hashable, Sendable {
    /// Header text.
    public var title: String
    /// Width, resolved with ``Layout/sizes(for:total:spacing:)`` across the list's width.
    public var width: Constraint
    /// Placement of cell text.
    public var alignment: Alignment

    /// Creates a column.
    public init(_ title: String, width: Constraint = .fill(), alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}
