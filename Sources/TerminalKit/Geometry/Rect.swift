/// A rectangle of terminal cells. Width and height are never negative: every initialiser and
/// helper clamps, so layout arithmetic on tiny terminals cannot produce impossible regions.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Columns covered.
    public var width: Int { didSet { if width < 0 { width = 0 } } }
    /// Rows covered.
    public var height: Int { didSet { if height < 0 { height = 0 } } }

    /// Creates a rectangle; negative sizes become zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A rectangle at the origin covering `size`.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    /// The empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    /// Number of cells.
    public var area: Int { width * height }
    /// `true` when nothing can be drawn inside.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The size of the rectangle.
    public var size: Size { Size(width: width, height: height) }

    /// Whether the cell at (`px`, `py`) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < right && py >= y && py < bottom
    }

    /// Shrinks every side by `amount` (a border is `inset(by: 1)`).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Shrinks each side separately; collapses to an empty rect rather than going negative.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let w = max(0, width - left - right)
        let h = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: w, height: h)
    }

    /// The overlap of two rectangles (empty when they do not touch).
    public func intersection(_ other: Rect) -> Rect {
        let nx = max(x, other.x), ny = max(y, other.y)
        let nr = min(right, other.right), nb = min(bottom, other.bottom)
        return Rect(x: nx, y: ny, width: nr - nx, height: nb - ny)
    }

    /// A `width`×`height` rectangle centred in this one, clamped to fit.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width), ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// Splits off the top `rows` rows: (top part, remainder).
    public func splitTop(_ rows: Int) -> (Rect, Rect) {
        let r = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: r),
                Rect(x: x, y: y + r, width: width, height: height - r))
    }

    /// Splits off the bottom `rows` rows: (remainder, bottom part).
    public func splitBottom(_ rows: Int) -> (Rect, Rect) {
        let r = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - r),
                Rect(x: x, y: y + height - r, width: width, height: r))
    }

    /// Splits off the left `columns` columns: (left part, remainder).
    public func splitLeft(_ columns: Int) -> (Rect, Rect) {
        let c = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: c, height: height),
                Rect(x: x + c, y: y, width: width - c, height: height))
    }

    /// Splits off the right `columns` columns: (remainder, right part).
    public func splitRight(_ columns: Int) -> (Rect, Rect) {
        let c = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: width - c, height: height),
                Rect(x: x + width - c, y: y, width: c, height: height))
    }

    /// Splits into stacked rows by `constraints` (see ``Layout``).
    public func rows(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout(.vertical, constraints, spacing: spacing).split(self)
    }

    /// Splits into side-by-side columns by `constraints` (see ``Layout``).
    public func columns(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout(.horizontal, constraints, spacing: spacing).split(self)
    }

    public var description: String { "Rect(x: \(x), y: \(y), w: \(width), h: \(height))" }
}
