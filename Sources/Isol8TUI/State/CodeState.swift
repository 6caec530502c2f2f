import Foundation
import Isol8Core
import TerminalKit

/// The code pane: the program that `r` runs, as sanitised lines, and where it is scrolled.
public struct CodeState: Sendable {
    /// Title of the pane: a file name, `-e`, `--cmd` or `stdin`.
    public var title: String
    /// The file behind the code, when there is one (`e` edits it).
    public var path: String?
    /// Sanitised lines (tabs expanded, controls escaped).
    public private(set) var lines: [String] = []
    /// Colouring rules picked from the runtime.
    public var language: SyntaxLanguage {
        didSet { tokens = CodeState.highlight(lines, language) }
    }
    /// Each line's syntax tokens, worked out when the text or language changes rather than
    /// for every line on every frame.
    public private(set) var tokens: [[(String, SyntaxToken)]] = []
    /// Why the file could not be read, if it could not.
    public var error: String?
    /// Scroll position; code starts at the top.
    public var view = TextViewState(follow: false)

    /// Creates an empty pane.
    public init(title: String, path: String? = nil, language: SyntaxLanguage = .plain) {
        self.title = title
        self.path = path
        self.language = language
    }

    /// Replaces the text (after a load or an edit), keeping the scroll position in range.
    public mutating func setText(_ text: String) {
        var body = TextSanitizer.sanitize(text)
        if body.hasSuffix("\n") { body.removeLast() }
        lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        tokens = CodeState.highlight(lines, language)
        view.firstLine = min(view.firstLine, max(0, lines.count - 1))
        error = nil
    }

    private static func highlight(_ lines: [String], _ language: SyntaxLanguage) -> [[(String, SyntaxToken)]] {
        lines.map { SyntaxHighlighter.tokens($0, language: language) }
    }
}

extension CodeState {
    /// The pane for the code source the flags name: a file (read by an effect), inline code,
    /// a command, or remote code (fetched only when a run starts).
    public init(flags: RunFlags, runtime: Runtime) {
        let language = SyntaxLanguage(runtime: runtime)
        if let file = flags.file {
            self.init(title: (file as NSString).lastPathComponent, path: file, language: language)
        } else if let cmd = flags.cmd {
            self.init(title: "--cmd", language: .shell)
            setText(cmd)
        } else if let eval = flags.eval {
            self.init(title: "-e", language: language)
            setText(eval)
        } else {
            let remote = flags.url ?? flags.github ?? flags.gist ?? "stdin"
            self.init(title: remote, language: language)
            setText("(the code is fetched from \(remote) when a run starts)")
        }
    }
}
