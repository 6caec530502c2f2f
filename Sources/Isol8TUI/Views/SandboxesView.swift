import Foundation
import Isol8Core
import TerminalKit

/// The Sandboxes list over the body, as lazydocker lists containers: a table on the left,
/// the selected sandbox's details on the right. On a server target the table shows each
/// session's idle time and when auto-prune removes it.
enum SandboxesView {
    static func draw(_ state: AppState, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        let list = state.sandboxes
        let hints = "Enter attaches · / filter · s sort · x stop · d remove · D remove persisted · Esc closes"
        let pane = Pane(title: "Sandboxes on \(state.targets.current.name)", rightTitle: hints, focused: true)
        let inner = pane.draw(in: &canvas, area: area, theme: theme)
        guard inner.height > 2, inner.width > 10 else { return }
        canvas.put(summaryLine(list), at: inner.x, inner.y, style: list.editingFilter ? theme[.highlight] : theme[.dim], clipWidth: inner.width)
        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        let detailWidth = body.width >= 100 ? min(48, body.width / 3) : 0
        let table = Rect(x: body.x, y: body.y, width: body.width - detailWidth - (detailWidth > 0 ? 1 : 0), height: body.height)
        let server: Bool
        if case .server = state.targets.current.kind { server = true } else { server = false }
        let rows = list.visible
        if let error = list.error {
            canvas.put("✗ " + TextSanitizer.sanitize(error), at: table.x, table.y, style: theme[.statusError], clipWidth: table.width)
        } else if rows.isEmpty {
            let notice = !list.received ? "listing…"
                : list.filter.isEmpty ? "no isol8 sandboxes on this target" : "no sandbox matches \"\(list.filter)\""
            canvas.put(notice, at: table.x, table.y, style: theme[.dim], clipWidth: table.width)
        } else {
            canvas.put(server ? sessionHeader : containerHeader, at: table.x, table.y, style: theme[.title], clipWidth: table.width)
            let selected = list.selectedIndex
            let visibleRows = table.height - 1
            let first = max(0, min(selected - visibleRows + 1, rows.count - visibleRows))
            for (offset, row) in rows.dropFirst(first).prefix(visibleRows).enumerated() {
                let y = table.y + 1 + offset
                let style = first + offset == selected ? theme[.selection] : theme[.text]
                canvas.fill(Rect(x: table.x, y: y, width: table.width, height: 1), style: style)
                let text = server ? sessionRow(row, now: state.now) : containerRow(row, now: state.now)
                canvas.put(text, at: table.x, y, style: style, clipWidth: table.width)
            }
        }
        if detailWidth > 0, let row = list.selected {
            let side = Rect(x: table.right + 1, y: body.y, width: detailWidth, height: body.height)
            for (offset, line) in details(row, now: state.now).enumerated() where offset < side.height {
                canvas.put(line, at: side.x, side.y + offset, style: offset == 0 ? theme[.title] : theme[.text], clipWidth: side.width)
            }
        }
    }

    /// `3 of 5 · filter: py · sort: age`.
    static func summaryLine(_ list: SandboxesState) -> String {
        let shown = list.visible.count
        let noun = list.rows.count == 1 ? "sandbox" : "sandboxes"
        var parts = [shown == list.rows.count ? "\(shown) \(noun)" : "\(shown) of \(list.rows.count) \(noun)"]
        if list.editingFilter || !list.filter.isEmpty { parts.append("filter: \(list.filter)" + (list.editingFilter ? "▏" : "")) }
        parts.append("sort: \(list.sort.rawValue)")
        return parts.joined(separator: " · ")
    }

    static let containerHeader = column("ID", 13) + column("NAME", 22) + column("RUNTIME", 9) + column("STATE", 9)
        + column("AGE", 8) + column("ORIGIN", 10) + column("CPU", 7) + "MEM"
    static let sessionHeader = column("SESSION", 28) + column("STATE", 8) + column("AGE", 8) + column("IDLE", 8) + "PRUNED IN"

    static func containerRow(_ row: SandboxSummary, now: Date) -> String {
        column(String(row.id.prefix(12)), 13) + column(clean(row.name), 22) + column(clean(row.runtime ?? row.image), 9)
            + column(row.state, 9) + column(age(row.created, now: now), 8) + column(row.origin.rawValue, 10)
            + column(row.usage?.cpuPercent.map { String(format: "%.1f%%", $0) } ?? "–", 7)
            + (row.usage?.memoryBytes.map { Format.bytes($0) } ?? "–")
    }

    static func sessionRow(_ row: SandboxSummary, now: Date) -> String {
        column(clean(row.id), 28) + column(row.state, 8) + column(age(row.created, now: now), 8)
            + column(age(row.lastUsed, now: now), 8) + pruneIn(row, now: now)
    }

    static func details(_ row: SandboxSummary, now: Date) -> [String] {
        var lines = [clean(row.name.isEmpty ? row.id : row.name), "id       \(clean(row.id))"]
        if !row.image.isEmpty { lines.append("image    \(clean(row.image))") }
        if let runtime = row.runtime { lines.append("runtime  \(clean(runtime))") }
        lines.append("state    \(row.state)")
        lines.append("origin   \(row.origin.rawValue)")
        if let created = row.created { lines.append("created  \(Format.clock(created)) (\(age(created, now: now)) ago)") }
        if let usage = row.usage {
            if let cpu = usage.cpuPercent { lines.append(String(format: "cpu      %.1f%%", cpu)) }
            if let memory = usage.memoryBytes { lines.append("memory   \(Format.bytes(memory))" + (usage.memoryLimitBytes.map { " of \(Format.bytes($0))" } ?? "")) }
            if let pids = usage.pids { lines.append("pids     \(pids)") }
        }
        if let used = row.lastUsed { lines.append("used     \(Format.clock(used)) (idle \(age(used, now: now)))") }
        if row.origin == .session, row.lastUsed != nil {
            lines.append("pruned   " + (row.pruneAt.map { "at \(Format.clock($0)) (in \(Format.uptime(seconds: Int($0.timeIntervalSince(now)))))" }
                                            ?? "never while active or with auto-prune off"))
        }
        return lines
    }

    /// `59m58s`, `due` once the deadline passed (the next prune pass removes it), `never`.
    static func pruneIn(_ row: SandboxSummary, now: Date) -> String {
        guard let pruneAt = row.pruneAt else { return "never" }
        let seconds = Int(pruneAt.timeIntervalSince(now).rounded(.up))
        return seconds > 0 ? Format.uptime(seconds: seconds) : "due"
    }

    private static func age(_ date: Date?, now: Date) -> String {
        date.map { Format.uptime(seconds: Int(now.timeIntervalSince($0))) } ?? "–"
    }

    /// Names and ids come from whoever made the container: no escape sequences reach a cell.
    private static func clean(_ text: String) -> String { TextSanitizer.sanitize(text) }

    private static func column(_ text: String, _ width: Int) -> String {
        let shown = DisplayWidth.of(text) >= width ? String(text.prefix(width - 2)) + "…" : text
        return shown + String(repeating: " ", count: max(1, width - DisplayWidth.of(shown)))
    }
}
