/// The two textual forms a list of filter patterns travels in: the JSON array of the
/// `ISOL8_WHITELIST` / `ISOL8_BLACKLIST` variables, and the one-pattern-per-line files the proxy
/// keeps in its state directory.
public enum PatternList {
    /// Why a pattern list could not be read.
    public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
        /// What is wrong, for the user.
        public let message: String
        public var description: String { message }
    }

    /// Decodes a JSON array of strings (`["^a\\.com$","b"]`). Empty or blank text is an empty list.
    /// - Throws: `FormatError` when the text is not a JSON array of strings.
    public static func decodeJSON(_ text: String) throws -> [String] {
        if text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) { return [] }
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch let failure as JSONParser.Failure {
            throw FormatError(message: "not valid JSON (\(failure.reason) at offset \(failure.offset))")
        }
        guard case .array(let elements) = value else {
            throw FormatError(message: "expected a JSON array of strings")
        }
        return try elements.map { element in
            guard let pattern = element.stringValue else {
                throw FormatError(message: "expected a JSON array of strings, found a non-string element")
            }
            return pattern
        }
    }

    /// Encodes patterns as a JSON array, the form the engine passes in the environment.
    public static func encodeJSON(_ patterns: [String]) -> String {
        "[" + patterns.map(JSONWriter.quoted).joined(separator: ",") + "]"
    }

    /// Reads a pattern file: one pattern per line, `\r\n` tolerated.
    ///
    /// Blank lines are skipped. (`grep -f` would treat an empty line as a pattern that matches
    /// everything; that only ever arose by accident, so a stray blank line must not turn a
    /// blacklist into "block all".)
    public static func decodeLines(_ text: String) -> [String] {
        // "\r\n" is one Character in Swift, so it has to be named as a separator of its own.
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    }

    /// Renders the state-directory file: each pattern on its own line; an empty list is an
    /// empty file (the original's `-s` test reads "empty file" as "no list").
    public static func encodeLines(_ patterns: [String]) -> String {
        patterns.map { $0 + "\n" }.joined()
    }
}
