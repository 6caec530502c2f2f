import Foundation
import TerminalKit

/// What `isol8 run` writes of the sandbox's output. The output is untrusted: on a terminal,
/// escape and control sequences would retitle the window, write the clipboard or switch
/// screens, so there they are shown as visible text (TerminalKit's `VisibleEscape`, the forms
/// the TUI shows). Into a pipe or file the bytes pass unchanged, as scripts expect;
/// `--raw-output` passes them unchanged to a terminal too.
struct TerminalOutput {
    private let neutraliseStdout: Bool
    private let neutraliseStderr: Bool

    init(raw: Bool) {
        neutraliseStdout = !raw && isatty(STDOUT_FILENO) == 1
        neutraliseStderr = !raw && isatty(STDERR_FILENO) == 1
    }

    func out(_ text: String) { Console.out(neutraliseStdout ? Self.neutralised(text) : text) }
    func err(_ text: String) { Console.err(neutraliseStderr ? Self.neutralised(text) : text) }

    /// `text` with every control character but newline, tab and carriage return replaced by its
    /// visible form. Carriage return stays: it only moves the cursor within a line (progress
    /// bars), and cannot change the terminal's state.
    static func neutralised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { VisibleEscape.needsEscape($0) && !kept.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !kept.contains(scalar), let visible = VisibleEscape.text(for: scalar) {
                out.append(contentsOf: visible.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static let kept: Set<Unicode.Scalar> = ["\n", "\t", "\r"]
}
