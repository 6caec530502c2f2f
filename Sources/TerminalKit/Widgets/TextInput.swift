/// A single-line text field with readline-style editing and history (search box, `:` prompt).
///
/// Keys: ←/→, Home/End (also ctrl-a/ctrl-e), Backspace, Delete (also ctrl-d), ctrl-u (delete to
/// start), ctrl-k (delete to end), ctrl-w (delete previous word), ↑/↓ (history), Enter
/// (submit), Esc (cancel). The cursor counts graphemes, so it never lands inside a character.
public struct TextInput: Hashable, Sendable {
    /// What a key did, for the caller to act on.
    public enum Outcome: Hashable, Sendable {
        /// The text or cursor changed (or the key was an editing key with nothing to do).
        case handled
        /// Enter: the submitted text (the field is now empty and the text is in history).
        case submitted(String)
        /// Esc: the caller should close the field.
        case cancelled
        /// Not an editing key; let the caller handle it.
        case ignored
    }

    private var characters: [Character]
    /// Cursor position in graphemes, 0…`text.count`.
    public private(set) var cursor: Int
    /// Submitted entries, oldest first.
    public private(set) var history: [String]
    /// Oldest entries are dropped past this many.
    public var historyLimit: Int
    private var historyIndex: Int?
    private var draft: [Character] = []

    /// Creates a field holding `text` with the cursor at its end.
    public init(text: String = "", history: [String] = [], historyLimit: Int = 100) {
        self.characters = Array(TextInput.clean(text))
        self.cursor = characters.count
        self.history = history
        self.historyLimit = max(1, historyLimit)
    }

    /// The current text. Setting it moves the cursor to the end.
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(TextInput.clean(newValue))
            cursor = characters.count
            historyIndex = nil
        }
    }

    /// Applies one key.
    public mutating func handle(_ key: KeyEvent) -> Outcome {
        switch key {
        case .char(let c): insert(String(c))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .backspace, .ctrl("h"): deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .ctrl("u"): deleteToStart()
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("w"): deleteWordBackward()
        case .up: historyPrevious()
        case .down: historyNext()
        case .enter: return .submitted(submit())
        case .escape: return .cancelled
        default: return .ignored
        }
        return .handled
    }

    /// Inserts text at the cursor (pastes too). Line breaks and tabs become spaces and other
    /// control characters are dropped, so the field always stays one line.
    public mutating func insert(_ text: String) {
        let new = Array(TextInput.clean(text))
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    /// Deletes the grapheme before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the grapheme under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes from the start of the line to the cursor (ctrl-u).
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Deletes the whitespace-delimited word before the cursor, and the spaces after it
    /// (ctrl-w, like readline's unix-word-rubout).
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Replaces the text with the previous history entry; the unsent text is kept as a draft.
    public mutating func historyPrevious() {
        guard !history.isEmpty else { return }
        if let i = historyIndex {
            guard i > 0 else { return }
            historyIndex = i - 1
        } else {
            draft = characters
            historyIndex = history.count - 1
        }
        characters = Array(history[historyIndex!])
        cursor = characters.count
    }

    /// Moves forward in history, back to the draft after the newest entry.
    public mutating func historyNext() {
        guard let i = historyIndex else { return }
        if i + 1 < history.count {
            historyIndex = i + 1
            characters = Array(history[i + 1])
        } else {
            historyIndex = nil
            characters = draft
        }
        cursor = characters.count
    }

    /// Returns the text, records it in history (unless empty or a repeat of the last entry)
    /// and clears the field.
    public mutating func submit() -> String {
        let value = String(characters)
        if !value.isEmpty && history.last != value {
            history.append(value)
            if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
        }
        characters = []
        cursor = 0
        historyIndex = nil
        draft = []
        return value
    }

    /// Draws `prompt` and the text on the first row of `area`, scrolled so the cursor is
    /// visible, and marks the cursor cell with `cursorStyle` (pass `nil` when unfocused).
    /// Returns the cursor's screen column, or `nil` if the area is empty.
    @discardableResult
    public func draw(in canvas: inout Canvas, area: Rect, prompt: String = "",
                     style: Style = .plain, cursorStyle: Style? = Style(attributes: .reverse)) -> Int? {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height))
        canvas.fill(row, style: style)
        guard !row.isEmpty else { return nil }
        let before = DisplayWidth.of(prompt) + DisplayWidth.of(String(characters[..<cursor]))
        // Keep the cursor on screen: scroll just enough that it sits in the last column.
        let skip = max(0, before - (row.width - 1))
        var line = Line(prompt, style: style)
        line.spans.append(Span(String(characters), style: style))
        canvas.put(line, at: row.x, row.y, clipWidth: row.width, skipColumns: skip)
        let x = row.x + before - skip
        if let cursorStyle {
            let cellWidth = cursor < characters.count ? max(1, DisplayWidth.of(characters[cursor])) : 1
            canvas.setStyle(cursorStyle, in: Rect(x: x, y: row.y, width: cellWidth, height: 1))
        }
        return x
    }

    private static func clean(_ text: String) -> [Character] {
        var out: [Character] = []
        for c in text {
            if c == "\n" || c == "\r\n" || c == "\r" || c == "\t" {
                out.append(" ")
            } else if !c.unicodeScalars.contains(where: VisibleEscape.needsEscape) {
                out.append(c)
            }
        }
        return out
    }
}
