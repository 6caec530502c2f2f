import Isol8Core

/// The colouring rules of the code pane.
public enum SyntaxLanguage: Hashable, Sendable {
    case plain, python, javascript, shell

    /// The rules for a runtime's code (TypeScript shares JavaScript's).
    public init(runtime: Runtime) {
        switch runtime {
        case .python: self = .python
        case .node, .bun, .deno: self = .javascript
        case .bash, .agent: self = .shell
        }
    }

    /// Words drawn as keywords.
    var keywords: Set<String> {
        switch self {
        case .plain: return []
        case .python:
            return ["and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
                    "except", "False", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "None",
                    "nonlocal", "not", "or", "pass", "raise", "return", "True", "try", "while", "with", "yield"]
        case .javascript:
            return ["async", "await", "break", "case", "catch", "class", "const", "continue", "default", "delete", "do",
                    "else", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
                    "interface", "let", "new", "null", "of", "return", "super", "switch", "this", "throw", "true", "try",
                    "type", "typeof", "undefined", "var", "void", "while", "yield", "from", "as", "enum", "implements"]
        case .shell:
            return ["case", "do", "done", "elif", "else", "esac", "export", "fi", "for", "function", "if", "in", "local",
                    "read", "return", "select", "then", "until", "while", "echo", "exit", "set", "unset", "shift", "cd"]
        }
    }

    /// Characters that open a string.
    var quotes: Set<Character> {
        switch self {
        case .plain: return []
        case .javascript: return ["\"", "'", "`"]
        case .python, .shell: return ["\"", "'"]
        }
    }
}
