/// A strict syntax check of a JSON document, for readers (Foundation's `JSONSerialization`)
/// that accept trailing commas and report a cut-off file without saying where.
public enum JSONSyntax {
    /// What is wrong and where (1-based line and column).
    public struct Error: Swift.Error, Equatable, Sendable, CustomStringConvertible {
        public let reason: String
        public let line: Int
        public let column: Int

        public var description: String { "\(reason) at line \(line), column \(column)" }
    }

    /// Throws `JSONSyntax.Error` unless `text` is exactly one valid JSON value.
    public static func check(_ text: String) throws {
        do {
            _ = try JSONParser.parse(text)
        } catch let failure as JSONParser.Failure {
            throw Error(reason: failure.reason, line: failure.line, column: failure.column)
        }
    }
}
