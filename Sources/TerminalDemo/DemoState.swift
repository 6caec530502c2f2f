import TerminalKit

/// What the demo shows; `render` draws it like an app view would.
struct DemoState {
    var size: Size
    var lastKey = "none"
    var lastMouse = "none"
    var wakes = 0
    var wide = true
    var mouse: Bool
    var showsCursor = false

    func render() -> Canvas {
        var canvas = Canvas(size: size)
        let theme = Theme.default
        let inner = Pane(title: "terminal-demo", rightTitle: "\(size)", focused: true)
            .draw(in: &canvas, area: canvas.bounds, theme: theme)
        let lines: [Line] = [
            Line("Hello from TerminalCurses"),
            Line("size: \(size.width)x\(size.height)"),
            Line("key: \(lastKey)"),
            Line(spans: [Span("wide: "), Span(wide ? "漢字テスト" : "abcdefghij", style: Style(fg: .green)),
                         Span("|end")]),
            Line("mouse: \(lastMouse) [\(mouse ? "on" : "off")]"),
            Line("wakes: \(wakes)"),
            Line(spans: [Span("colour: "), Span("RED", style: Style(fg: .red, attributes: .bold)),
                         Span(" "), Span("SEL", style: Style(attributes: .reverse))]),
            Line("q quit  m mouse  w wide  s suspend  c cursor", style: theme[.dim]),
        ]
        for (i, line) in lines.enumerated() where i < inner.height {
            canvas.put(line, at: inner.x + 1, inner.y + i, clipWidth: inner.width - 1)
        }
        return canvas
    }

    /// Just after the echoed key, like a text input's cursor; `nil` when hidden.
    var cursor: (x: Int, y: Int)? {
        showsCursor ? (x: 2 + DisplayWidth.of("key: \(lastKey)"), y: 3) : nil
    }

    /// How a mouse event is shown (and matched by the end-to-end tests).
    static func describe(_ kind: MouseEvent.Kind) -> String {
        switch kind {
        case .click(.left): return "click left"
        case .click(.middle): return "click middle"
        case .click(.right): return "click right"
        case .wheelUp: return "wheelUp"
        case .wheelDown: return "wheelDown"
        }
    }
}
