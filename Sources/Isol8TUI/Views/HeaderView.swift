import TerminalKit

/// The top row: the target and the knobs that change how a run behaves. It uses the
/// roomiest wording that fits the width, so the knobs stay visible on an 80- or 60-column terminal.
enum HeaderView {
    /// How much room the wording takes, roomiest first.
    enum Density {
        /// Product name, the full target, `net filtered` joined by ` · `.
        case full
        /// The target's name, `net:filtered` joined by two spaces.
        case compact
        /// Knobs only (the target only when it is not reachable), joined by one space.
        case tight
    }

    static func draw(_ state: AppState, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        canvas.fill(area, style: theme[.text])
        // Each wording is built once; the first that fits (else the tightest, clipped) is drawn.
        var density = Density.full
        var chosen = segments(state, density)
        for candidate in [Density.compact, .tight] where width(of: chosen, density: density) > area.width {
            (density, chosen) = (candidate, segments(state, candidate))
        }
        var x = area.x
        for (i, (text, style)) in chosen.enumerated() {
            if i > 0 { x += canvas.put(separator(density), at: x, area.y, style: theme[.dim], clipWidth: area.right - x) }
            guard x < area.right else { break }
            x += canvas.put(text, at: x, area.y, style: style, clipWidth: area.right - x)
        }
    }

    private static func separator(_ density: Density) -> String {
        switch density {
        case .full: " · "
        case .compact: "  "
        case .tight: " "
        }
    }

    private static func width(of segments: [(String, Style)], density: Density) -> Int {
        segments.reduce(0) { $0 + DisplayWidth.of($1.0) } + max(0, segments.count - 1) * DisplayWidth.of(separator(density))
    }

    private static func segments(_ state: AppState, _ density: Density) -> [(String, Style)] {
        let theme = state.theme
        let options = state.knobs.options
        let changed = state.knobs.changed
        var segments: [(String, Style)] = density == .full ? [("isol8-tui", theme[.titleFocused])] : []
        let target = state.targets.current
        switch state.targets.currentHealth {
        case .none:
            if density != .tight { segments.append(("\(target.name): connecting…", theme[.dim])) }
        case .some(let health) where !health.isReachable:
            segments.append(("\(target.name): unreachable", theme[.statusError]))
        case .some(let health):
            switch density {
            case .full: segments.append(("\(target.name) \(health.version ?? "")", theme[.text]))
            case .compact: segments.append((target.name, theme[.text]))
            case .tight: break
            }
        }
        if let attached = state.attached {
            let gone = state.container.phase == .gone ? " (removed)"
                : state.container.snapshot.map { $0.running ? "" : " (\($0.state))" } ?? ""
            segments.append(("attached \(attached.label)\(gone)", gone.isEmpty ? theme[.highlight] : theme[.statusError]))
        }
        let joiner = density == .full ? " " : ":"
        func knob(_ text: String, _ key: String) {
            segments.append((text, changed.contains(key) ? theme[.changed] : theme[.text]))
        }
        knob(state.knobs.runtime.rawValue, "runtime")
        knob("net\(joiner)\(options.network.rawValue)", "network")
        knob(options.mode == .persistent ? "persistent" : "ephemeral", "mode")
        knob("persist\(joiner)\(options.persist ? "on" : "off")", "persist")
        knob("stream\(joiner)\(state.knobs.stream ? "on" : "off")", "stream")
        knob("debug\(joiner)\(options.debug ? "on" : "off")", "debug")
        return segments
    }
}
