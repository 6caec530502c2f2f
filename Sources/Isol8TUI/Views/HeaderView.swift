import TerminalKit

/// The top row: the Docker target and the knobs that change how a run behaves.
enum HeaderView {
    static func draw(_ state: AppState, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        canvas.fill(area, style: theme[.text])
        let options = state.knobs.options
        let changed = state.knobs.changed
        var segments: [(String, Style)] = [("isol8-tui", theme[.titleFocused])]
        switch state.docker {
        case .unknown: segments.append(("docker: connecting…", theme[.dim]))
        case .ready(let endpoint, let api):
            // The usual socket goes without saying; any other target is worth the room.
            let local = endpoint.hasPrefix("unix://")
            segments.append(((local ? "local Docker" : "Docker at \(endpoint)") + " API \(api)", theme[.text]))
        case .unavailable: segments.append(("docker: unreachable", theme[.statusError]))
        }
        func knob(_ text: String, _ key: String) {
            segments.append((text, changed.contains(key) ? theme[.changed] : theme[.text]))
        }
        knob(state.knobs.runtime.rawValue, "runtime")
        knob("net \(options.network.rawValue)", "network")
        knob(options.mode == .persistent ? "persistent" : "ephemeral", "mode")
        knob("persist \(options.persist ? "on" : "off")", "persist")
        knob("stream \(state.knobs.stream ? "on" : "off")", "stream")
        knob("debug \(options.debug ? "on" : "off")", "debug")
        var x = area.x
        for (i, (text, style)) in segments.enumerated() {
            if i > 0 { x += canvas.put(" · ", at: x, area.y, style: theme[.dim], clipWidth: area.right - x) }
            guard x < area.right else { break }
            x += canvas.put(text, at: x, area.y, style: style, clipWidth: area.right - x)
        }
    }
}
