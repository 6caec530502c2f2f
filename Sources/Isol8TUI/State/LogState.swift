import Isol8Core
import TerminalKit

/// A scrolling log pane's state (Output and Debug): the bounded buffer, where it is scrolled
/// to, the `/` search, and one sanitiser per source so that a character split across chunks
/// of one stream is decoded whole.
public struct LogState: Sendable {
    /// The lines.
    public private(set) var buffer: OutputBuffer
    /// Scroll position, follow and wrap.
    public var view = TextViewState()
    /// The active search, if any.
    public var search: OutputSearch?
    private var sanitizers: [Source: TextSanitizer] = [:]

    /// Where text came from: one sanitiser each.
    struct Source: Hashable, Sendable {
        var stream: StreamEvent.Kind
        var phase: StreamEvent.Phase
    }

    /// Creates an empty log.
    public init(buffer: OutputBuffer = OutputBuffer()) {
        self.buffer = buffer
    }

    /// Lines as the pane shows them: a marker line first once anything was dropped.
    public var lineCount: Int { buffer.count + markerLines }

    /// 1 when the "older lines dropped" marker occupies the first line.
    public var markerLines: Int { buffer.droppedLines > 0 ? 1 : 0 }

    /// Appends untrusted text from a container stream after sanitising it.
    public mutating func append(untrusted text: String, stream: StreamEvent.Kind, phase: StreamEvent.Phase) {
        let source = Source(stream: stream, phase: phase)
        var sanitizer = sanitizers[source] ?? TextSanitizer()
        let clean = sanitizer.feed(text)
        sanitizers[source] = sanitizer
        appendSanitized(clean, kind: LogState.kind(stream: stream, phase: phase))
    }

    /// Appends a whole line the TUI itself wrote (markers); it is still sanitised, since it
    /// may quote container text.
    public mutating func appendLine(_ text: String, kind: OutputKind) {
        keepingScroll { $0.appendLine(TextSanitizer.sanitize(text), kind: kind) }
    }

    /// Flushes what the sanitisers held back at the end of a run (a trailing `\r`, a cut
    /// character).
    public mutating func finishStreams() {
        for (source, var sanitizer) in sanitizers {
            let rest = sanitizer.finish()
            if !rest.isEmpty { appendSanitized(rest, kind: LogState.kind(stream: source.stream, phase: source.phase)) }
        }
        sanitizers = [:]
    }

    /// Empties the log for a new run; wrap and a search that found something survive (one
    /// that found nothing would only linger in the title).
    public mutating func clear() {
        buffer.clear()
        sanitizers = [:]
        view.firstLine = 0
        view.firstRow = 0
        view.follow = true
        if search?.currentLine == nil { search = nil } else { search?.currentLine = nil }
    }

    /// The pane line (marker included) of the next match after (or before) `line`, wrapping
    /// around; `nil` when nothing matches.
    public func findMatch(after line: Int, forward: Bool) -> Int? {
        guard let matcher = search?.matcher, buffer.count > 0 else { return nil }
        let count = buffer.count
        // Searching on from past either end wraps around to the other.
        var origin = min(max(line - markerLines, -1), count)
        if forward && origin == count { origin = -1 }
        if !forward && origin == -1 { origin = count }
        for step in 1...count {
            let i = ((origin + (forward ? step : -step)) % count + count) % count
            if matcher.matches(buffer[i].text) { return i + markerLines }
        }
        return nil
    }

    private mutating func appendSanitized(_ text: String, kind: OutputKind) {
        keepingScroll { $0.append(text, kind: kind) }
    }

    /// Lines dropped from the front shift everything up; keep a scrolled-back view on the same
    /// text (the marker line that appears with the first drop shifts it back down by one).
    private mutating func keepingScroll(_ change: (inout OutputBuffer) -> Void) {
        let droppedBefore = buffer.droppedLines, markerBefore = markerLines
        change(&buffer)
        let shift = (buffer.droppedLines - droppedBefore) - (markerLines - markerBefore)
        guard shift != 0 else { return }
        view.firstLine = max(0, view.firstLine - shift)
        if let current = search?.currentLine {
            let moved = current - shift, first = markerLines
            search?.currentLine = moved >= first ? moved : nil
        }
    }

    private static func kind(stream: StreamEvent.Kind, phase: StreamEvent.Phase) -> OutputKind {
        if phase == .setup { return .setup }
        return stream == .stderr ? .stderr : .stdout
    }
}
