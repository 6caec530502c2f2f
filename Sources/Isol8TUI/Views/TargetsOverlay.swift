import Foundation
import Isol8Core
import TerminalKit

/// The Targets list over the body, as k9s lists contexts: each target with where it points,
/// where it was declared, whether it answers, its round-trip time and what it runs.
enum TargetsOverlay {
    static func draw(_ targets: TargetState, theme: Theme, in canvas: inout Canvas, area: Rect) {
        let pane = Pane(title: "Targets", rightTitle: "↑↓ choose · Enter switches · Esc closes", focused: true)
        let inner = pane.draw(in: &canvas, area: area, theme: theme)
        let nameWidth = max(6, targets.known.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
        var y = inner.y
        for (index, target) in targets.known.enumerated() where y < inner.bottom {
            let selected = index == targets.selection
            let rowStyle = selected ? theme[.selection] : theme[.text]
            canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: rowStyle)
            let marker = target == targets.current ? "● " : "  "
            var x = inner.x + canvas.put(marker + target.name, at: inner.x, y, style: rowStyle, clipWidth: inner.width)
            x = max(x, inner.x + nameWidth + 2)
            let (state, stateStyle) = status(targets.health[target.name], theme: theme)
            x += canvas.put(state, at: x, y, style: selected ? rowStyle : stateStyle, clipWidth: max(0, inner.right - x))
            let detail = "  \(target.address) (\(target.origin.rawValue))"
            canvas.put(detail, at: x, y, style: selected ? rowStyle : theme[.dim], clipWidth: max(0, inner.right - x))
            y += 1
        }
    }

    /// `✓ 3 ms Docker 20.10 (API 1.41)`, `✗ reason`, or `…` before the first answer.
    private static func status(_ health: TargetHealth?, theme: Theme) -> (String, Style) {
        guard let health else { return ("…  ", theme[.dim]) }
        guard health.isReachable else { return ("✗ \(health.failure ?? "unreachable")", theme[.statusError]) }
        let rtt = health.roundTripMs.map { String(format: "%.0f ms", $0) } ?? ""
        return ("✓ \(rtt) \(health.version ?? "")", theme[.text])
    }
}
