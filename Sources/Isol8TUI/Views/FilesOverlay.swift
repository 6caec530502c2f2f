import Foundation
import Isol8Core
import TerminalKit

/// The `/sandbox` tree over the body (kind, size, age, path), or the open file: sanitised
/// text, or a hex dump when it is binary. Paths come from the sandbox and are sanitised.
enum FilesOverlay {
    static func draw(_ files: FilesState, theme: Theme, in canvas: inout Canvas, area: Rect) {
        if let view = files.viewing {
            let pane = Pane(title: "File " + TextSanitizer.sanitize(view.path), rightTitle: "↑↓ PgUp PgDn · Esc back", focused: true)
            let inner = pane.draw(in: &canvas, area: area, theme: theme)
            for (row, line) in view.lines.dropFirst(view.firstLine).prefix(inner.height).enumerated() {
                canvas.put(line, at: inner.x, inner.y + row, style: theme[.text], clipWidth: inner.width)
            }
            return
        }
        let pane = Pane(title: "Files of \(files.sandbox.prefix(12)) (\(files.entries.count))", rightTitle: "↑↓ choose · Enter views · Esc closes",
                        focused: true)
        let inner = pane.draw(in: &canvas, area: area, theme: theme)
        let first = max(0, files.selection - inner.height + 1)
        for (row, entry) in files.entries.dropFirst(first).prefix(inner.height).enumerated() {
            let selected = first + row == files.selection
            let style = selected ? theme[.selection] : entry.kind == .directory ? theme[.header] : theme[.text]
            let line = [String(entry.kind.rawValue.prefix(4)).padding(toLength: 5, withPad: " ", startingAt: 0),
                        Format.bytes(entry.size).padding(toLength: 11, withPad: " ", startingAt: 0),
                        ISO8601DateFormatter.string(from: entry.modified, timeZone: .current, formatOptions: [.withFullDate, .withTime, .withColonSeparatorInTime]),
                        " " + TextSanitizer.sanitize(entry.path)].joined(separator: " ")
            canvas.fill(Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1), style: style)
            canvas.put(line, at: inner.x, inner.y + row, style: style, clipWidth: inner.width)
        }
    }
}
