import TerminalKit

/// The diff overlay's text: knobs that differ, result fields that differ, then the unified
/// output diff (removed lines in the error colour, added ones in the OK colour).
enum DiffLines {
    static func build(_ diff: RunDiff, theme: Theme) -> [Line] {
        var lines: [Line] = []
        func section(_ title: String) { lines.append(Line(title, style: theme[.header])) }
        func changes(_ list: [RunDiff.Change], empty: String) {
            if list.isEmpty { lines.append(Line("  " + empty, style: theme[.dim])) }
            let width = list.map { $0.name.count }.max() ?? 0
            for change in list {
                lines.append(Line(spans: [
                    Span("  " + DisplayWidth.fit(change.name, to: width) + "  "),
                    Span(change.before, style: theme[.statusError]),
                    Span(" → ", style: theme[.dim]),
                    Span(change.after, style: theme[.statusOK]),
                ]))
            }
        }
        section("Knobs (run #\(diff.older) → run #\(diff.newer))")
        changes(diff.knobs, empty: "same knobs")
        lines.append(Line(""))
        section("Result")
        changes(diff.result, empty: "same result")
        lines.append(Line(""))
        section("Output (- only in #\(diff.older), + only in #\(diff.newer))")
        if diff.output.isEmpty { lines.append(Line("  no output in either run", style: theme[.dim])) }
        for row in diff.output {
            switch row {
            case .same(let line): lines.append(Line("  " + line.text, style: theme[.text]))
            case .removed(let line): lines.append(Line("- " + line.text, style: theme[.statusError]))
            case .added(let line): lines.append(Line("+ " + line.text, style: theme[.statusOK]))
            case .folded(let count): lines.append(Line("  … \(count) unchanged lines …", style: theme[.dim]))
            }
        }
        if !diff.output.contains(where: { if case .same = $0 { return false }; if case .folded = $0 { return false }; return true }) {
            lines.append(Line("  outputs are identical", style: theme[.dim]))
        }
        return lines
    }
}
