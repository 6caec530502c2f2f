/// A bordered box with a title on the top edge, drawn focused or unfocused.
///
/// Focus is shown twice — border style (``ThemeRole/borderFocused``) and glyphs
/// (``BorderSet/thick``) — so it survives NO_COLOR and colour-blind themes.
public struct Pane: Hashable, Sendable {
    /// Shown at the left of the top border.
    public var title: String
    /// Shown at the right of the top border (indicators such as `follow:on wrap:off`).
    public var rightTitle: String
    /// Whether this pane has keyboard focus.
    public var focused: Bool
    /// Glyphs when unfocused.
    public var borders: BorderSet
    /// Glyphs when focused.
    public var focusedBorders: BorderSet

    /// Creates a pane.
    public init(title: String = "", rightTitle: String = "", focused: Bool = false,
                borders: BorderSet = .plain, focusedBorders: BorderSet = .thick) {
        self.title = title
        self.rightTitle = rightTitle
        self.focused = focused
        self.borders = borders
        self.focusedBorders = focusedBorders
    }

    /// The area inside the border.
    public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    /// Clears `area`, draws the border and titles, and returns the inner area for content.
    /// Areas smaller than 2×2 are only cleared.
    @discardableResult
    public func draw(in canvas: inout Canvas, area: Rect, theme: Theme) -> Rect {
        canvas.fill(area, style: theme[.text])
        guard area.width >= 2 && area.height >= 2 else { return inner(area) }
        let b = focused ? focusedBorders : borders
        let style = theme[focused ? .borderFocused : .border]
        let (left, top, right, bottom) = (area.x, area.y, area.right - 1, area.bottom - 1)

        canvas.fill(Rect(x: left + 1, y: top, width: area.width - 2, height: 1), symbol: b.horizontal, style: style)
        canvas.fill(Rect(x: left + 1, y: bottom, width: area.width - 2, height: 1), symbol: b.horizontal, style: style)
        canvas.fill(Rect(x: left, y: top + 1, width: 1, height: area.height - 2), symbol: b.vertical, style: style)
        canvas.fill(Rect(x: right, y: top + 1, width: 1, height: area.height - 2), symbol: b.vertical, style: style)
        canvas.set(b.topLeft, x: left, y: top, style: style)
        canvas.set(b.topRight, x: right, y: top, style: style)
        canvas.set(b.bottomLeft, x: left, y: bottom, style: style)
        canvas.set(b.bottomRight, x: right, y: bottom, style: style)

        // Titles sit between the corners with one border glyph of margin each side; the left
        // title wins the space, the right one is dropped when it would collide.
        let room = area.width - 4
        var usedLeft = 0
        if !title.isEmpty && room > 2 {
            let text = " " + DisplayWidth.truncate(title, to: room - 2, ellipsis: "…") + " "
            usedLeft = canvas.put(text, at: left + 2, top, style: theme[focused ? .titleFocused : .title],
                                  clipWidth: room)
        }
        if !rightTitle.isEmpty {
            let text = " " + rightTitle + " "
            let w = DisplayWidth.of(text)
            let free = room - usedLeft - (usedLeft > 0 ? 1 : 0)
            if w <= free {
                canvas.put(text, at: right - 1 - w, top, style: theme[.dim], clipWidth: w)
            }
        }
        return inner(area)
    }
}
