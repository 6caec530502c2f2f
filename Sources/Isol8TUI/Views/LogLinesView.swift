import TerminalKit

/// A log pane's lines as styled ``Line``s, built on demand: the text view asks only for the
/// rows it shows, so styling and search highlighting cost a screenful however long the log.
public struct LogLinesView: RandomAccessCollection, Sendable {
    let log: LogState
    let theme: Theme

    /// Wraps a log for drawing with `theme`.
    public init(_ log: LogState, theme: Theme) {
        self.log = log
        self.theme = theme
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { log.lineCount }

    public subscript(position: Int) -> Line {
        if position < log.markerLines {
            let buffer = log.buffer
            return Line("… \(buffer.droppedLines) older lines dropped (the pane keeps \(buffer.maxLines) lines, "
                        + "\(Format.bytes(buffer.maxBytes))) …", style: theme[.dim])
        }
        let line = log.buffer[position - log.markerLines]
        var prefix: [Span] = []
        let style: Style
        switch line.kind {
        case .stdout: style = theme[.stdout]
        case .stderr: style = theme[.stderr]
        case .marker: style = theme[.statusError]
        case .setup:
            style = theme[.setup]
            prefix = [Span("setup│ ", style: theme[.setup].adding(.dim))]
        }
        guard let matcher = log.search?.matcher else { return Line(spans: prefix + [Span(line.text, style: style)]) }
        return Line(spans: prefix + LogLinesView.highlight(line.text, matcher: matcher, style: style, match: theme[.highlight]))
    }

    /// Splits `text` into spans with every match in `match` style.
    static func highlight(_ text: String, matcher: TextMatcher, style: Style, match: Style) -> [Span] {
        let ranges = matcher.byteRanges(in: text)
        guard !ranges.isEmpty else { return [Span(text, style: style)] }
        let bytes = Array(text.utf8)
        var spans: [Span] = []
        var at = 0
        for range in ranges {
            if range.lowerBound > at { spans.append(Span(String(decoding: bytes[at..<range.lowerBound], as: UTF8.self), style: style)) }
            spans.append(Span(String(decoding: bytes[range], as: UTF8.self), style: match))
            at = range.upperBound
        }
        if at < bytes.count { spans.append(Span(String(decoding: bytes[at...], as: UTF8.self), style: style)) }
        return spans
    }
}
