import XCTest

/// `isol8 run` shows the sandbox's escape sequences as text on a terminal, passes them unchanged
/// into pipes, and unchanged to a terminal with `--raw-output`.
final class TerminalOutputTests: XCTestCase {
    /// Sets the window title, writes the clipboard (OSC 52), switches to the alternate screen and
    /// colours a word: every one of them an ESC sequence.
    private let hostile = #"import sys; sys.stdout.write('\x1b]0;pwned\x07\x1b]52;c;aGk=\x07\x1b[?1049h\x1b[31mred\x1b[0m\tend\n'); sys.stderr.write('err\x1b[2J\x08\n')"#
    private let raw = "\u{1B}]0;pwned\u{07}\u{1B}]52;c;aGk=\u{07}\u{1B}[?1049h\u{1B}[31mred\u{1B}[0m\tend\n"

    /// Runs the CLI with stdout and stderr on a pseudo-terminal (util-linux `script`), returning
    /// what the terminal received.
    private func onTerminal(_ arguments: [String]) throws -> String {
        let command = ([CLI.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }.joined(separator: " ")
        let outcome = try CLI.run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        return outcome.stdout
    }

    func testTerminalShowsEscapeSequencesAsVisibleText() throws {
        for mode in [[], ["--no-stream"]] {
            let shown = try onTerminal(["run", "-e", hostile] + mode)
            XCTAssertFalse(shown.contains("\u{1B}"), "\(mode): \(shown.debugDescription)")
            XCTAssertTrue(shown.contains("␛]0;pwned^G␛]52;c;aGk=^G␛[?1049h␛[31mred␛[0m\tend"), "\(mode): \(shown.debugDescription)")
            XCTAssertTrue(shown.contains("err␛[2J^H"), "\(mode): \(shown.debugDescription)")
        }
    }

    func testRawOutputFlagPassesTheBytesToTheTerminal() throws {
        let shown = try onTerminal(["run", "--raw-output", "-e", hostile])
        XCTAssertTrue(shown.contains(raw.replacingOccurrences(of: "\n", with: "\r\n")), shown.debugDescription)
    }

    func testPipedOutputStaysByteExact() throws {
        for mode in [[], ["--no-stream"]] {
            let outcome = try CLI.run(["run", "-e", hostile] + mode)
            XCTAssertEqual(outcome.stdout, raw, "\(mode)")
            XCTAssertEqual(outcome.stderr, "err\u{1B}[2J\u{08}\n", "\(mode)")
        }
    }
}
