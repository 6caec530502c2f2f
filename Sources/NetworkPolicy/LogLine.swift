/// Reading one line of a proxy log back, the tolerant way of compat §3.7: only lines that mention
/// `timestamp` count, and only the text between the first `{` and the last `}` is parsed, so
/// stray prefixes or suffixes (a shell prompt, a partial write) do not lose the record.
enum LogLine {
    static func object(in line: Substring) -> JSONValue? {
        guard line.contains("timestamp"),
              let open = line.firstIndex(of: "{"),
              let close = line.lastIndex(of: "}"),
              open < close else { return nil }
        guard let value = try? JSONParser.parse(String(line[open...close])),
              case .object = value else { return nil }
        return value
    }

    /// Each line of `text` that yields a record, in order.
    static func records<Record>(in text: String, _ decode: (Substring) -> Record?) -> [Record] {
        // "\r\n" is one Character in Swift, so it has to be named as a separator of its own.
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).compactMap(decode)
    }
}
