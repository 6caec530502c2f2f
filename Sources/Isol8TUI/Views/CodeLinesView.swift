import TerminalKit

/// The code pane's lines with a line-number gutter and syntax colours, built on demand.
public struct CodeLinesView: RandomAccessCollection, Sendable {
    let code: CodeState
    let theme: Theme
    let gutterWidth: Int

    /// Wraps the code for drawing with `theme`.
    public init(_ code: CodeState, theme: Theme) {
        self.code = code
        self.theme = theme
        gutterWidth = String(Swift.max(1, code.lines.count)).count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { code.lines.count }

    public subscript(position: Int) -> Line {
        let number = String(position + 1)
        var spans = [Span(String(repeating: " ", count: gutterWidth - number.count) + number + " ", style: theme[.dim])]
        for (text, token) in code.tokens[position] {
            spans.append(Span(text, style: theme[token.role]))
        }
        return Line(spans: spans)
    }
}
