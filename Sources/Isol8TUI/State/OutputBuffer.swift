/// The output pane's store: a ring of lines bounded by a line count and a byte total, so a
/// flood costs a fixed amount of memory. The oldest lines go first and are counted in
/// ``droppedLines`` so the view can say so.
///
/// Text arrives in chunks that need not end at a newline: each stream's unfinished line stays
/// open and the stream's next chunk continues it, even when another stream's lines arrived in
/// between (stdout and stderr are copied independently, so a line's end can come after the
/// other stream's output). Lines otherwise appear in arrival order.
public struct OutputBuffer: RandomAccessCollection, Sendable {
    /// Most lines kept.
    public let maxLines: Int
    /// Most bytes of text kept (line breaks not counted).
    public let maxBytes: Int
    /// Longest stored line: a longer one continues on the next line, so a single line without
    /// a newline cannot grow past the byte cap.
    public let maxLineBytes: Int
    /// Lines dropped from the front since the last ``clear()``.
    public private(set) var droppedLines = 0
    /// Bytes of text currently held.
    public private(set) var byteCount = 0

    private var storage: [OutputLine] = []
    private var head = 0
    private var length = 0
    /// Per stream, the line (counted from the first line ever appended) still waiting for
    /// its newline.
    private var openLines = OpenLines()

    /// Creates an empty buffer.
    public init(maxLines: Int = 100_000, maxBytes: Int = 32 << 20, maxLineBytes: Int = 16 << 10) {
        self.maxLines = Swift.max(1, maxLines)
        self.maxBytes = Swift.max(1, maxBytes)
        self.maxLineBytes = Swift.max(1, Swift.min(maxLineBytes, maxBytes))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { length }

    public subscript(position: Int) -> OutputLine {
        storage[(head + position) % storage.count]
    }

    /// Appends sanitised text (`\n` separates lines) from one stream.
    public mutating func append(_ text: String, kind: OutputKind) {
        var rest = Substring(text)
        while !rest.isEmpty {
            guard let newline = rest.utf8.firstIndex(of: 0x0A) else {
                appendSegment(rest, kind: kind)
                return
            }
            appendSegment(rest[..<newline], kind: kind)
            openLines[kind] = nil
            rest = rest[rest.utf8.index(after: newline)...]
        }
    }

    /// Appends one complete line of its own (markers such as the timeout notice).
    public mutating func appendLine(_ text: String, kind: OutputKind) {
        push(OutputLine(text, kind: kind))
    }

    /// Empties the buffer and forgets the dropped count.
    public mutating func clear() {
        storage = []
        head = 0
        length = 0
        byteCount = 0
        droppedLines = 0
        openLines = OpenLines()
    }

    /// The whole buffer as text, for saving.
    public var text: String {
        map(\.text).joined(separator: "\n")
    }

    private mutating func appendSegment(_ segment: Substring, kind: OutputKind) {
        var rest = segment
        if let open = openLines[kind], open >= droppedLines {
            let index = physical(open - droppedLines)
            let room = maxLineBytes - storage[index].text.utf8.count
            let (head, tail) = OutputBuffer.cut(rest, maxBytes: room, atLeastOneCharacter: false)
            storage[index].text += head
            byteCount += head.utf8.count
            rest = tail
            trim()
            if rest.isEmpty { return }
        }
        repeat {
            let (head, tail) = OutputBuffer.cut(rest, maxBytes: maxLineBytes)
            push(OutputLine(String(head), kind: kind))
            rest = tail
        } while !rest.isEmpty
        openLines[kind] = droppedLines + length - 1
    }

    private mutating func push(_ line: OutputLine) {
        if length == storage.count {
            if storage.count < maxLines {
                if head != 0 {
                    storage = Array(self)
                    head = 0
                }
                storage.append(line)
            } else {
                dropFirstLine()
                storage[physical(length)] = line
            }
        } else {
            storage[physical(length)] = line
        }
        length += 1
        byteCount += line.text.utf8.count
        trim()
    }

    private mutating func trim() {
        while length > 1 && (length > maxLines || byteCount > maxBytes) { dropFirstLine() }
    }

    private mutating func dropFirstLine() {
        byteCount -= storage[head].text.utf8.count
        storage[head] = OutputLine("", kind: .stdout)  // release the text now, not when overwritten
        head = (head + 1) % storage.count
        length -= 1
        droppedLines += 1
    }

    private func physical(_ position: Int) -> Int { (head + position) % storage.count }

    /// Splits `text` after at most `maxBytes` bytes, on a character boundary. A new line takes
    /// at least one character, so a giant grapheme cluster can never stall the split.
    static func cut(_ text: Substring, maxBytes: Int, atLeastOneCharacter: Bool = true) -> (Substring, Substring) {
        guard text.utf8.count > maxBytes else { return (text, "") }
        var used = 0
        var end = text.startIndex
        for character in text {
            let bytes = character.utf8.count
            if used + bytes > maxBytes && (end != text.startIndex || !atLeastOneCharacter) { break }
            used += bytes
            end = text.index(after: end)
        }
        return (text[..<end], text[end...])
    }

    /// One slot per kind of output rather than a dictionary: it is read and written for every
    /// line of a flood, and hashing was a visible part of that.
    private struct OpenLines: Sendable {
        private var stdout, stderr, setup, marker: Int?

        subscript(kind: OutputKind) -> Int? {
            get {
                switch kind {
                case .stdout: return stdout
                case .stderr: return stderr
                case .setup: return setup
                case .marker: return marker
                }
            }
            set {
                switch kind {
                case .stdout: stdout = newValue
                case .stderr: stderr = newValue
                case .setup: setup = newValue
                case .marker: marker = newValue
                }
            }
        }
    }
}
