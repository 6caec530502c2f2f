/// A modal box centred over the screen: a title, a word-wrapped message and a row of buttons.
public struct Dialog: Hashable, Sendable {
    /// What a key did.
    public enum Outcome: Hashable, Sendable {
        /// Selection moved (or the key was ignored by design).
        case handled
        /// A button was chosen (by Enter or its first letter): its index.
        case chosen(Int)
        /// Esc.
        case cancelled
        /// Not a dialog key.
        case ignored
    }

    /// Shown in the border.
    public var title: String
    /// The body; `\n` starts a new paragraph.
    public var message: String
    /// Button labels, e.g. `["Yes", "No"]`.
    public var buttons: [String]
    /// Index of the highlighted button.
    public var selectedButton: Int
    /// Widest the box grows, in columns.
    public var maxWidth: Int

    /// Creates a dialog.
    public init(title: String, message: String, buttons: [String] = ["OK"],
                selectedButton: Int = 0, maxWidth: Int = 60) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selectedButton = max(0, min(selectedButton, max(0, buttons.count - 1)))
        self.maxWidth = maxWidth
    }

    /// Left/Right/Tab move between buttons, Enter chooses, Esc cancels, and a button's first
    /// letter chooses it (`y` for Yes).
    public mutating func handle(_ key: KeyEvent) -> Outcome {
        switch key {
        case .left, .backTab:
            if !buttons.isEmpty { selectedButton = (selectedButton + buttons.count - 1) % buttons.count }
            return .handled
        case .right, .tab:
            if !buttons.isEmpty { selectedButton = (selectedButton + 1) % buttons.count }
            return .handled
        case .enter:
            return buttons.isEmpty ? .cancelled : .chosen(selectedButton)
        case .escape:
            return .cancelled
        case .char(let c):
            let wanted = c.lowercased()
            if let i = buttons.firstIndex(where: { $0.first.map { $0.lowercased() == wanted } ?? false }) {
                selectedButton = i
                return .chosen(i)
            }
            return .ignored
        default:
            return .ignored
        }
    }

    /// The box `draw` would use inside `area`.
    public func frame(in area: Rect) -> Rect {
        let buttonsWidth = DisplayWidth.of(buttonRow)
        let messageWidth = message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { DisplayWidth.of($0) }.max() ?? 0
        let natural = max(DisplayWidth.of(title) + 6, messageWidth + 4, buttonsWidth + 4, 20)
        let width = min(natural, maxWidth, area.width)
        let lines = Dialog.wrap(message, width: width - 4)
        let height = min(area.height, 2 + lines.count + (buttons.isEmpty ? 0 : 2))
        return area.centered(width: width, height: height)
    }

    /// Clears the box, draws it over whatever is below, and returns its frame.
    @discardableResult
    public func draw(in canvas: inout Canvas, area: Rect, theme: Theme) -> Rect {
        let box = frame(in: area)
        let inner = Pane(title: title, focused: true).draw(in: &canvas, area: box, theme: theme)
        guard !inner.isEmpty else { return box }
        let content = inner.inset(left: 1, right: 1)
        let lines = Dialog.wrap(message, width: content.width)
        let messageRows = buttons.isEmpty ? content.height : max(0, content.height - 2)
        for (i, line) in lines.prefix(messageRows).enumerated() {
            canvas.put(line, at: content.x, content.y + i, style: theme[.text], clipWidth: content.width)
        }
        guard !buttons.isEmpty, content.height >= 1 else { return box }
        let y = content.bottom - 1
        var x = content.x + max(0, (content.width - DisplayWidth.of(buttonRow)) / 2)
        for (i, label) in buttons.enumerated() {
            if i > 0 { x += canvas.put("  ", at: x, y, style: theme[.text], clipWidth: content.right - x) }
            let style = i == selectedButton ? theme[.selection] : theme[.text]
            x += canvas.put("[ \(label) ]", at: x, y, style: style, clipWidth: max(0, content.right - x))
        }
        return box
    }

    private var buttonRow: String {
        buttons.map { "[ \($0) ]" }.joined(separator: "  ")
    }

    /// Word-wraps `text` at `width` columns; words longer than a line are cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            let before = out.count
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var w = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + w <= width {
                    line += " " + word
                    lineWidth += 1 + w
                    continue
                }
                if lineWidth > 0 { out.append(line) }
                while w > width {
                    // Cut by graphemes; always take at least one so a wide character in a
                    // one-column box cannot stall the loop.
                    var taken = 0, takenWidth = 0
                    for c in word {
                        let cw = DisplayWidth.of(c)
                        if taken > 0 && takenWidth + cw > width { break }
                        taken += 1
                        takenWidth += cw
                    }
                    out.append(String(word.prefix(taken)))
                    word = String(word.dropFirst(taken))
                    w = DisplayWidth.of(word)
                }
                line = word
                lineWidth = w
            }
            // An empty paragraph is a blank line; otherwise skip the empty tail a cut word leaves.
            if !line.isEmpty || out.count == before { out.append(line) }
        }
        return out
    }
}
