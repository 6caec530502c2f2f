import TerminalKit

/// Where everything goes for a terminal size: header, panes, status line, key hints. Shared
/// by the view (to draw) and the reducer (scroll viewports, mouse hit-testing), so both always
/// agree.
///
/// Code and Output share the top band, side by side; the side slot spans the bottom band at
/// full width, because its panes are tables (network log, config, history) that need columns.
/// The side slot shows one of Network, Container, Config, Debug and History at a time, as
/// tabs. Taller terminals give the top band more rows, wider ones give Output more columns.
public struct ScreenLayout: Equatable, Sendable {
    /// Smallest size the debugger draws; below it a notice asks for a bigger window.
    public static let minimum = Size(width: 60, height: 16)
    /// The top row.
    public var header: Rect
    /// Everything between header and status line.
    public var body: Rect
    /// The status line (and the prompt while it is open).
    public var status: Rect
    /// The key-hint row.
    public var hints: Rect
    /// The outer rect (with border) of every pane on screen.
    public var panes: [PaneID: Rect]
    /// The terminal is below ``minimum``.
    public var tooSmall: Bool

    /// Lays out `size` for the current focus.
    public init(size: Size, focus: FocusState) {
        let screen = Rect(size: size)
        tooSmall = size.width < ScreenLayout.minimum.width || size.height < ScreenLayout.minimum.height
        let rows = screen.rows([.length(1), .fill(), .length(1), .length(1)])
        header = rows[0]
        body = rows[1]
        status = rows[2]
        hints = rows[3]
        panes = [:]
        guard !tooSmall else { return }
        if focus.zoomed {
            panes[focus.pane] = body
        } else {
            let bands = body.rows([.percentage(size.height >= 30 ? 60 : 55), .fill()])
            let top = bands[0].columns([.percentage(size.width >= 120 ? 35 : 40), .fill()])
            panes[.code] = top[0]
            panes[.output] = top[1]
            panes[focus.side] = bands[1]
        }
    }

    /// The content area of `pane` (inside its border), or an empty rect when not on screen.
    public func inner(_ pane: PaneID) -> Rect {
        panes[pane].map { Pane().inner($0) } ?? .zero
    }

    /// The pane under a screen cell.
    public func pane(atX x: Int, y: Int) -> PaneID? {
        panes.first { $0.value.contains(x: x, y: y) }?.key
    }
}
