/// Semantic roles mapped to styles. Views ask `theme[.stderr]`, never for a colour.
public struct Theme: Hashable, Sendable {
    /// Shown in the UI and error messages.
    public var name: String
    /// The style of each role; roles missing here draw with ``Style/plain``.
    public var styles: [ThemeRole: Style] {
        didSet { byOrdinal = Theme.table(styles) }
    }
    /// `styles` by ``ThemeRole/ordinal``, what views read.
    private var byOrdinal: [Style]

    /// Creates a theme.
    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
        byOrdinal = Theme.table(styles)
    }

    /// The style for `role`.
    public subscript(role: ThemeRole) -> Style {
        get { byOrdinal[role.ordinal] }
        set { styles[role] = newValue }
    }

    private static func table(_ styles: [ThemeRole: Style]) -> [Style] {
        ThemeRole.allCases.map { styles[$0] ?? .plain }
    }

    /// The built-in theme. Uses only the 16 ANSI colours, never as a foreground that vanishes
    /// on a light or a dark background (no white, black or yellow text).
    public static let `default` = Theme(name: "default", styles: [
        .text: Style(),
        .dim: Style(attributes: .dim),
        .border: Style(attributes: .dim),
        .borderFocused: Style(fg: .cyan, attributes: .bold),
        .title: Style(attributes: .bold),
        .titleFocused: Style(fg: .cyan, attributes: .bold),
        .stdout: Style(),
        .stderr: Style(fg: .red),
        .setup: Style(fg: .blue),
        .allow: Style(fg: .green),
        .block: Style(fg: .red, attributes: .bold),
        .highlight: Style(fg: .black, bg: .yellow),
        .selection: Style(attributes: .reverse),
        .cursor: Style(attributes: .reverse),
        .statusOK: Style(fg: .green, attributes: .bold),
        .statusError: Style(fg: .red, attributes: .bold),
        .header: Style(attributes: [.bold, .underline]),
        .keyHint: Style(fg: .cyan, attributes: .bold),
        .changed: Style(fg: .magenta, attributes: .bold),
        .syntaxKeyword: Style(fg: .cyan, attributes: .bold),
        .syntaxString: Style(fg: .green),
        .syntaxComment: Style(attributes: [.dim, .italic]),
        .syntaxNumber: Style(fg: .magenta),
    ])

    /// Attributes only, for NO_COLOR and monochrome terminals: every role stays distinguishable
    /// where it matters (selection, cursor, focus, errors, blocked requests).
    public static let monochrome = Theme(name: "monochrome", styles: [
        .text: Style(),
        .dim: Style(attributes: .dim),
        .border: Style(attributes: .dim),
        .borderFocused: Style(attributes: .bold),
        .title: Style(attributes: .bold),
        .titleFocused: Style(attributes: [.bold, .underline]),
        .stdout: Style(),
        .stderr: Style(attributes: .bold),
        .setup: Style(attributes: .italic),
        .allow: Style(),
        .block: Style(attributes: [.bold, .underline]),
        .highlight: Style(attributes: [.bold, .underline]),
        .selection: Style(attributes: .reverse),
        .cursor: Style(attributes: .reverse),
        .statusOK: Style(attributes: .bold),
        .statusError: Style(attributes: [.bold, .reverse]),
        .header: Style(attributes: [.bold, .underline]),
        .keyHint: Style(attributes: .bold),
        .changed: Style(attributes: [.bold, .italic]),
        .syntaxKeyword: Style(attributes: .bold),
        .syntaxString: Style(),
        .syntaxComment: Style(attributes: [.dim, .italic]),
        .syntaxNumber: Style(),
    ])

    /// This theme for a terminal of `capability`: colours mapped to the nearest it can show.
    /// Under `.none` colours are dropped and each role also gets the attributes of
    /// ``monochrome``, because a theme that marked the selection only by colour would lose it.
    public func adapted(to capability: ColorCapability) -> Theme {
        var out = self
        for (role, style) in styles {
            var s = style.adapted(to: capability)
            if capability == .none { s.attributes.formUnion(Theme.monochrome[role].attributes) }
            out.styles[role] = s
        }
        if capability == .none {
            for role in ThemeRole.allCases where out.styles[role] == nil {
                out.styles[role] = Theme.monochrome[role]
            }
        }
        return out
    }
}
