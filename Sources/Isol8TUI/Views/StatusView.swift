import Foundation
import TerminalKit

/// The status line: the prompt while it is open; otherwise the active run (spinner and
/// elapsed time) or the last result, then the latest message.
enum StatusView {
    static let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// Draws the row; returns the cursor position when the prompt is open.
    static func draw(_ state: AppState, in canvas: inout Canvas, area: Rect) -> (x: Int, y: Int)? {
        let theme = state.theme
        canvas.fill(area, style: theme[.text])
        if case .prompt(let prompt)? = state.focus.overlays.last {
            let x = prompt.input.draw(in: &canvas, area: area, prompt: prompt.symbol, style: theme[.text], cursorStyle: nil)
            return x.map { ($0, area.y) }
        }
        var x = area.x
        for (text, style) in segments(state) {
            guard x < area.right else { break }
            x += canvas.put(text, at: x, area.y, style: style, clipWidth: area.right - x)
        }
        return nil
    }

    /// The pieces of the line, in order.
    static func segments(_ state: AppState) -> [(String, Style)] {
        let theme = state.theme
        var out: [(String, Style)] = []
        if let run = state.run {
            let elapsed = max(0, state.now.timeIntervalSince(run.startedAt))
            let frame = spinner[Int(elapsed * 10) % spinner.count]
            let what = run.cancelling ? "cancelling" : "running"
            out.append(("\(frame) run #\(run.id) \(what) \(String(format: "%.1fs", elapsed))", theme[.keyHint]))
        } else if let last = state.history.lastFinished, let result = last.result {
            out.append(("run #\(last.id): ", theme[.text]))
            out += describe(result, theme: theme)
            if let headline = last.diagnoses.first {
                out += diagnosis(headline, compact: state.status.message != nil, theme: theme)
            }
        } else {
            out.append(("ready: r runs \(state.code.title)", theme[.dim]))
        }
        if let message = state.status.message {
            out.append(("  │ ", theme[.dim]))
            out.append((message, state.status.isError ? theme[.statusError] : theme[.text]))
        }
        return out
    }

    /// ` · out of memory — F: :set memory 64m · D why`: the headline failure class and its fix;
    /// only ` · out of memory (D)` while a message needs the room.
    static func diagnosis(_ headline: Diagnosis, compact: Bool, theme: Theme) -> [(String, Style)] {
        guard !compact else { return [(" · \(headline.failure.title) (D)", theme[.statusError])] }
        var out: [(String, Style)] = [(" · " + headline.failure.title, theme[.statusError])]
        if let fix = headline.fix { out.append((" — F: \(fix.summary)", theme[.keyHint])) }
        out.append((" · D why", theme[.dim]))
        return out
    }

    /// `exit 0 · 1.23s` plus OOM, TIMED OUT, truncated, cancelled and error notes.
    static func describe(_ result: RunResult, theme: Theme) -> [(String, Style)] {
        let bad = theme[.statusError]
        var out: [(String, Style)] = []
        if let code = result.exitCode {
            out.append(("exit \(code)", code == 0 ? theme[.statusOK] : bad))
        } else {
            out.append(("no exit code", bad))
        }
        out.append((" · " + Format.duration(ms: result.durationMs), theme[.text]))
        if result.oomKilled { out.append((" · OOM", bad)) }
        if result.timedOut { out.append((" · TIMED OUT", bad)) }
        if result.truncated { out.append((" · truncated", bad)) }
        if result.cancelled { out.append((" · cancelled", theme[.text])) }
        if let error = result.error, !result.cancelled { out.append((" · " + error, bad)) }
        return out
    }
}
