import Glibc

/// The output pane's store: a ring of lines bounded by a line count and a byte total, so a
/// flood costs a fixed amount of memory. The oldest lines go first and are counted in
/// ``droppedLines`` so the view can say so.
///
/// Text arrives in chunks that need not end at a newline: each stream's unfinished line stays
/// open and the stream's next chunk continues it, even when another stream's lines arrived in
/// between (stdout and stderr are copied independently, so a line's end can come after the
/// other stream's output). Lines otherwise appear in arrival order.
///
/// A flood is what this type is sized for, so a line is not a `String` of its own: finished
/// lines are packed into shared byte pages and named by a small ``Entry`` (a heap object per
/// line made every line of a flood cost an allocation and twice its bytes). A line becomes a
/// `String` only when someone reads it, which the panes do for the rows they show.
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

    /// The lines' entries, a ring that grows up to `maxLines`.
    private var entries: [Entry] = []
    private var head = 0
    private var length = 0
    /// The bytes of finished lines; `pages[0]` is page number `firstPage`.
    private var pages: [Page] = []
    private var firstPage = 0
    /// Per stream, the line still waiting for its newline, with its bytes so far.
    private var openLines = OpenLines()

    /// Bytes a page holds: large enough that pages are few, small enough that the oldest one
    /// is given back soon after its lines are dropped.
    static let pageBytes = 64 << 10

    /// Creates an empty buffer.
    public init(maxLines: Int = 100_000, maxBytes: Int = 32 << 20, maxLineBytes: Int = 16 << 10) {
        self.maxLines = Swift.max(1, maxLines)
        self.maxBytes = Swift.max(1, maxBytes)
        self.maxLineBytes = Swift.max(1, Swift.min(maxLineBytes, maxBytes))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { length }

    public subscript(position: Int) -> OutputLine {
        let entry = entries[physical(position)]
        guard entry.page >= 0 else {
            return OutputLine(String(decoding: openLines[entry.kind]?.bytes ?? [], as: UTF8.self), kind: entry.kind)
        }
        let page = pages[Int(entry.page) - firstPage].bytes
        let start = Int(entry.offset)
        return OutputLine(String(decoding: page[start..<start + Int(entry.length)], as: UTF8.self), kind: entry.kind)
    }

    /// Appends sanitised text (`\n` separates lines) from one stream.
    public mutating func append(_ text: String, kind: OutputKind) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < bytes.count {
                guard let newline = memchr(base + start, 0x0A, bytes.count - start) else {
                    appendSegment(UnsafeBufferPointer(rebasing: bytes[start...]), kind: kind, closesLine: false)
                    return
                }
                let end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                appendSegment(UnsafeBufferPointer(rebasing: bytes[start..<end]), kind: kind, closesLine: true)
                start = end + 1
            }
        }
    }

    /// Appends one complete line of its own (markers such as the timeout notice).
    public mutating func appendLine(_ text: String, kind: OutputKind) {
        var text = text
        text.withUTF8 { push(finished: $0, kind: kind) }
    }

    /// Empties the buffer and forgets the dropped count.
    public mutating func clear() {
        entries = []
        head = 0
        length = 0
        pages = []
        firstPage = 0
        byteCount = 0
        droppedLines = 0
        openLines = OpenLines()
    }

    /// Pages of line bytes held: what a flood costs beyond the live lines themselves.
    var pageCount: Int { pages.count }

    /// The whole buffer as text, for saving.
    public var text: String {
        map(\.text).joined(separator: "\n")
    }

    /// Adds `segment` (no newline in it) to `kind`'s open line, or as new lines of at most
    /// `maxLineBytes`; the last of them stays open unless `closesLine`.
    private mutating func appendSegment(_ segment: UnsafeBufferPointer<UInt8>, kind: OutputKind, closesLine: Bool) {
        var rest = segment
        if var open = openLines[kind] {
            openLines[kind] = nil  // the bytes are appended in place, not copied
            let taken = OutputBuffer.prefixLength(rest, maxBytes: maxLineBytes - open.bytes.count)
            open.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<taken]))
            byteCount += taken
            rest = UnsafeBufferPointer(rebasing: rest[taken...])
            openLines[kind] = open
            if rest.isEmpty && !closesLine {
                trim()
                return
            }
            finish(kind)
            trim()
            if rest.isEmpty { return }
        }
        guard rest.count > maxLineBytes else {
            if closesLine { push(finished: rest, kind: kind) } else { pushOpen(rest, kind: kind) }
            return
        }
        // Rare (longer than a line may be): cut on the characters of one string of it, made
        // once, so a long run without a newline costs linear time.
        var text = Substring(String(decoding: rest, as: UTF8.self))
        while !text.isEmpty {
            let (head, tail) = OutputBuffer.cut(text, maxBytes: maxLineBytes)
            var piece = String(head)
            piece.withUTF8 { tail.isEmpty && !closesLine ? pushOpen($0, kind: kind) : push(finished: $0, kind: kind) }
            text = tail
        }
    }

    /// Files `kind`'s open line in a page: it has its newline, or is as long as a line may be.
    private mutating func finish(_ kind: OutputKind) {
        guard let open = openLines[kind] else { return }
        openLines[kind] = nil
        let slot = physical(open.line - droppedLines)
        entries[slot] = open.bytes.withUnsafeBufferPointer { store($0, kind: kind) }
    }

    private mutating func push(finished bytes: UnsafeBufferPointer<UInt8>, kind: OutputKind) {
        let entry = store(bytes, kind: kind)
        push(entry, bytes: bytes.count)
    }

    private mutating func pushOpen(_ bytes: UnsafeBufferPointer<UInt8>, kind: OutputKind) {
        push(Entry(page: -1, offset: 0, length: 0, kind: kind), bytes: bytes.count)
        openLines[kind] = OpenLine(line: droppedLines + length - 1, bytes: Array(bytes))
    }

    private mutating func push(_ entry: Entry, bytes: Int) {
        if length == entries.count {
            if entries.count < maxLines {
                if head != 0 {
                    entries = (0..<length).map { entries[physical($0)] }
                    head = 0
                }
                entries.append(entry)
            } else {
                dropFirstLine()
                entries[physical(length)] = entry
            }
        } else {
            entries[physical(length)] = entry
        }
        length += 1
        byteCount += bytes
        trim()
    }

    /// Copies a finished line's bytes into the newest page, starting a page when it is full.
    private mutating func store(_ bytes: UnsafeBufferPointer<UInt8>, kind: OutputKind) -> Entry {
        if pages.isEmpty || pages[pages.count - 1].bytes.count + bytes.count > pages[pages.count - 1].bytes.capacity {
            var page = Page()
            page.bytes.reserveCapacity(Swift.max(Self.pageBytes, bytes.count))
            pages.append(page)
        }
        let last = pages.count - 1
        let offset = pages[last].bytes.count
        pages[last].bytes.append(contentsOf: bytes)
        pages[last].liveLines += 1
        return Entry(page: Int32(firstPage + last), offset: Int32(offset), length: Int32(bytes.count), kind: kind)
    }

    private mutating func trim() {
        while length > 1 && (length > maxLines || byteCount > maxBytes) { dropFirstLine() }
    }

    private mutating func dropFirstLine() {
        let entry = entries[head]
        if entry.page >= 0 {
            byteCount -= Int(entry.length)
            pages[Int(entry.page) - firstPage].liveLines -= 1
            // Pages are given back oldest first; the newest stays to be written on.
            while pages.count > 1 && pages[0].liveLines == 0 {
                pages.removeFirst()
                firstPage += 1
            }
        } else if let open = openLines[entry.kind] {
            byteCount -= open.bytes.count
            openLines[entry.kind] = nil
        }
        head = (head + 1) % entries.count
        length -= 1
        droppedLines += 1
    }

    private func physical(_ position: Int) -> Int { (head + position) % entries.count }

    /// How many of `bytes`' leading bytes fit in `maxBytes` without cutting a character.
    private static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>, maxBytes: Int) -> Int {
        guard bytes.count > maxBytes else { return bytes.count }
        // Rare (an open line reaching the cap): measure characters on a string of the bytes.
        let text = Substring(String(decoding: bytes, as: UTF8.self))
        return cut(text, maxBytes: maxBytes, atLeastOneCharacter: false).0.utf8.count
    }

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

    /// Where a line's bytes are: a page (numbered from the first page ever made since the last
    /// clear) and a range in it, or `page` -1 for the open line of `kind`, whose bytes are
    /// still in ``OpenLine``.
    private struct Entry: Sendable {
        var page: Int32
        var offset: Int32
        var length: Int32
        var kind: OutputKind
    }

    private struct Page: Sendable {
        var bytes: [UInt8] = []
        /// Lines in the ring whose bytes are here.
        var liveLines = 0
    }

    private struct OpenLine: Sendable {
        /// Counted from the first line appended since the last clear.
        var line: Int
        var bytes: [UInt8]
    }

    /// One slot per kind of output rather than a dictionary: it is read and written for every
    /// line of a flood, and hashing was a visible part of that.
    private struct OpenLines: Sendable {
        private var stdout, stderr, setup, marker: OpenLine?

        subscript(kind: OutputKind) -> OpenLine? {
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
