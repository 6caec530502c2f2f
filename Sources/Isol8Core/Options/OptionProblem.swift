/// What is wrong with one value, in words that do not depend on where it was given: each
/// front end puts its own name for the option (`--cpu`, `:set cpu`, `options.cpuLimit`,
/// `defaults.cpuLimit`) in front, so the CLI, the TUI and the server say the same thing.
public enum OptionProblem: Error, Equatable, CustomStringConvertible {
    /// JSON of the wrong type; `expected` reads "a boolean (true or false)".
    case wrongType(expected: String)
    /// Text that does not read as the option's kind; says what would.
    case malformed(String)
    /// isol8's own size error, kept word for word.
    case sizeFormat(String)
    /// A value outside the option's bounds (fixed ones or the target's).
    case outOfRange(String)

    public var description: String {
        switch self {
        case .wrongType(let expected): return "expected \(expected)"
        case .malformed(let text), .outOfRange(let text): return text
        case .sizeFormat(let value): return Isol8Error.invalidMemoryLimit(value).description
        }
    }

    /// The problem under the name a front end gives the option. isol8's size message
    /// already quotes the value and stands alone.
    public func message(option name: String, value: String) -> String {
        if case .sizeFormat = self { return description }
        return "Invalid \(name) \"\(value)\": \(description)"
    }
}
