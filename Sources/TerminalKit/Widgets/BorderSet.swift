/// The glyphs of a box border. All are one column wide.
public struct BorderSet: Hashable, Sendable {
    /// Corner, edge and side glyphs.
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: String

    /// Creates a border set.
    public init(topLeft: String, topRight: String, bottomLeft: String, bottomRight: String,
                horizontal: String, vertical: String) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// `┌─┐`
    public static let plain = BorderSet(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                                        horizontal: "─", vertical: "│")
    /// `╭─╮`
    public static let rounded = BorderSet(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯",
                                          horizontal: "─", vertical: "│")
    /// `┏━┓` — the focused pane, so focus shows even without colour.
    public static let thick = BorderSet(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛",
                                        horizontal: "━", vertical: "┃")
    /// `╔═╗`
    public static let double = BorderSet(topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝",
                                         horizontal: "═", vertical: "║")
    /// `+-+` for terminals without line-drawing glyphs.
    public static let ascii = BorderSet(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
                                        horizontal: "-", vertical: "|")
}
