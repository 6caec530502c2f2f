/// Where a ``TextView`` is scrolled to. Kept in the app state; the scrolling methods take the
/// lines and viewport because wrapped scrolling depends on how tall nearby lines wrap.
///
/// Lines are addressed by offset from the collection's start. When the app drops lines from
/// the front of its buffer it should subtract the count from ``firstLine``.
public struct TextViewState: Hashable, Sendable {
    /// Offset of the line at the top of the view.
    public var firstLine: Int
    /// With wrapping, the wrapped row of ``firstLine`` shown at the top.
    public var firstRow: Int
    /// Without wrapping, columns scrolled off to the left.
    public var column: Int
    /// Character-wrap long lines instead of clipping them.
    public var wrap: Bool
    /// Pinned to the bottom: new lines stay in view. Scrolling up clears it, reaching the
    /// bottom sets it again.
    public var follow: Bool

    /// Creates a state, following the bottom by default.
    public init(firstLine: Int = 0, firstRow: Int = 0, column: Int = 0, wrap: Bool = false, follow: Bool = true) {
        self.firstLine = max(0, firstLine)
        self.firstRow = max(0, firstRow)
        self.column = max(0, column)
        self.wrap = wrap
        self.follow = follow
    }

    /// A position in the content: a line and a wrapped row within it.
    struct Position: Comparable {
        var line: Int
        var row: Int
        static func < (a: Position, b: Position) -> Bool { (a.line, a.row) < (b.line, b.row) }
    }

    /// Scrolls down (`rows` > 0) or up (`rows` < 0) by rows as shown.
    public mutating func scroll<Lines: RandomAccessCollection>(
        by rows: Int, lines: Lines, viewport: Size
    ) where Lines.Element == Line {
        guard rows != 0 else { return }
        let bottom = TextViewState.bottomPosition(lines, viewport: viewport, wrap: wrap)
        var pos = follow ? bottom : clamped(lines, viewport: viewport)
        if wrap {
            pos = TextViewState.step(pos, by: rows, lines: lines, width: viewport.width)
        } else {
            pos = Position(line: max(0, pos.line + rows), row: 0)
        }
        if pos >= bottom {
            pos = bottom
            follow = true
        } else {
            follow = false
        }
        firstLine = pos.line
        firstRow = pos.row
    }

    /// Scrolls a page (the viewport height less one row of overlap) down.
    public mutating func pageDown<Lines: RandomAccessCollection>(lines: Lines, viewport: Size)
    where Lines.Element == Line {
        scroll(by: max(1, viewport.height - 1), lines: lines, viewport: viewport)
    }

    /// Scrolls a page up.
    public mutating func pageUp<Lines: RandomAccessCollection>(lines: Lines, viewport: Size)
    where Lines.Element == Line {
        scroll(by: -max(1, viewport.height - 1), lines: lines, viewport: viewport)
    }

    /// Jumps to the first line and stops following.
    public mutating func scrollToTop() {
        firstLine = 0
        firstRow = 0
        follow = false
    }

    /// Jumps to the end and follows new lines.
    public mutating func scrollToBottom() {
        follow = true
    }

    /// Without wrapping, scrolls right by half the viewport width, as long as some visible line
    /// is still wider than the new offset.
    public mutating func scrollRight<Lines: RandomAccessCollection>(lines: Lines, viewport: Size)
    where Lines.Element == Line {
        guard !wrap else { return }
        let next = column + max(1, viewport.width / 2)
        let start = follow ? TextViewState.bottomPosition(lines, viewport: viewport, wrap: false) : clamped(lines, viewport: viewport)
        let visible = TextViewState.window(lines, from: start.line, count: viewport.height)
        if visible.contains(where: { $0.width > next }) { column = next }
    }

    /// Without wrapping, scrolls left by half the viewport width.
    public mutating func scrollLeft(viewport: Size) {
        column = max(0, column - max(1, viewport.width / 2))
    }

    /// Switches wrapping; the horizontal offset and wrapped row no longer apply.
    public mutating func setWrap(_ on: Bool) {
        wrap = on
        column = 0
        firstRow = 0
    }

    // MARK: - Internal geometry

    /// The top position actually drawn: the bottom when following, else the stored one clamped
    /// to the content (lines may have been dropped since it was set).
    func topPosition<Lines: RandomAccessCollection>(_ lines: Lines, viewport: Size) -> Position
    where Lines.Element == Line {
        follow ? TextViewState.bottomPosition(lines, viewport: viewport, wrap: wrap) : clamped(lines, viewport: viewport)
    }

    private func clamped<Lines: RandomAccessCollection>(_ lines: Lines, viewport: Size) -> Position
    where Lines.Element == Line {
        let count = lines.count
        guard count > 0 else { return Position(line: 0, row: 0) }
        let line = min(firstLine, count - 1)
        guard wrap, firstRow > 0 else { return Position(line: line, row: 0) }
        let rows = TextViewState.line(lines, line).wrappedRowCount(width: viewport.width)
        return Position(line: line, row: min(firstRow, rows - 1))
    }

    /// The top position that puts the last line on the last row. Walks back from the end,
    /// so it costs only the lines that fit on screen.
    static func bottomPosition<Lines: RandomAccessCollection>(_ lines: Lines, viewport: Size, wrap: Bool) -> Position
    where Lines.Element == Line {
        let count = lines.count, height = max(1, viewport.height)
        guard wrap else { return Position(line: max(0, count - height), row: 0) }
        var remaining = height
        var i = count - 1
        while i >= 0 {
            let rows = line(lines, i).wrappedRowCount(width: viewport.width)
            if rows >= remaining { return Position(line: i, row: rows - remaining) }
            remaining -= rows
            i -= 1
        }
        return Position(line: 0, row: 0)
    }

    /// Moves a wrapped position by `delta` rows, staying within the content.
    static func step<Lines: RandomAccessCollection>(_ start: Position, by delta: Int, lines: Lines, width: Int) -> Position
    where Lines.Element == Line {
        let count = lines.count
        guard count > 0 else { return Position(line: 0, row: 0) }
        var pos = start
        var rows = line(lines, pos.line).wrappedRowCount(width: width)
        var left = abs(delta)
        while left > 0 {
            if delta > 0 {
                if pos.row + 1 < rows {
                    pos.row += 1
                } else if pos.line + 1 < count {
                    pos.line += 1
                    pos.row = 0
                    rows = line(lines, pos.line).wrappedRowCount(width: width)
                } else {
                    break
                }
            } else {
                if pos.row > 0 {
                    pos.row -= 1
                } else if pos.line > 0 {
                    pos.line -= 1
                    rows = line(lines, pos.line).wrappedRowCount(width: width)
                    pos.row = rows - 1
                } else {
                    break
                }
            }
            left -= 1
        }
        return pos
    }

    static func line<Lines: RandomAccessCollection>(_ lines: Lines, _ offset: Int) -> Line
    where Lines.Element == Line {
        lines[lines.index(lines.startIndex, offsetBy: offset)]
    }

    static func window<Lines: RandomAccessCollection>(_ lines: Lines, from offset: Int, count: Int) -> [Line]
    where Lines.Element == Line {
        let n = lines.count
        guard offset < n, count > 0 else { return [] }
        return (offset..<min(n, offset + count)).map { line(lines, $0) }
    }
}
