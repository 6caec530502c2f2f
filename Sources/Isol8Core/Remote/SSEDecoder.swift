import Foundation

/// Incremental Server-Sent Events decoder: feed body chunks as they arrive, get back the
/// `data` payload of every completed event. Chunks may split anywhere (inside a line, a
/// CRLF pair or a UTF-8 character); `\n`, `\r\n` and `\r` all end a line; comment lines
/// (`:`), `event:`/`id:`/`retry:` are skipped; several `data:` lines join with `\n`. A line
/// longer than `maxLineBytes` (a server that never ends one) is dropped whole rather than held.
public struct SSEDecoder: Sendable {
    /// Far above any event a server sends (its output chunks are kilobytes).
    public static let maxLineBytes = 16 << 20

    private var line: [UInt8] = []
    /// The current line outgrew the bound: its bytes are skipped up to its end.
    private var overlong = false
    private var dataLines: [String] = []
    private var hasData = false
    /// A chunk ended on `\r`: a `\n` starting the next chunk belongs to the same line end.
    private var skipNextLF = false

    public init() {}

    public mutating func feed(_ chunk: Data) -> [String] {
        var events: [String] = []
        for byte in chunk {
            if skipNextLF {
                skipNextLF = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0A:
                endLine(into: &events)
            case 0x0D:
                endLine(into: &events)
                skipNextLF = true
            default:
                guard !overlong else { continue }
                if line.count >= Self.maxLineBytes {
                    overlong = true
                    line.removeAll()
                } else {
                    line.append(byte)
                }
            }
        }
        return events
    }

    /// End of body: a last event without its blank line still counts (the original
    /// client processes a final partial `data:` line too).
    public mutating func finish() -> [String] {
        var events: [String] = []
        if !line.isEmpty { endLine(into: &events) }
        if hasData { dispatch(into: &events) }
        return events
    }

    private mutating func endLine(into events: inout [String]) {
        defer { line.removeAll(keepingCapacity: true) }
        if overlong {
            overlong = false
            return
        }
        if line.isEmpty {
            if hasData { dispatch(into: &events) }
            return
        }
        if line.first == UInt8(ascii: ":") { return }
        let text = String(decoding: line, as: UTF8.self)
        let field: Substring
        var value: Substring
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            value = text[text.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = Substring(text)
            value = ""
        }
        guard field == "data" else { return }
        dataLines.append(String(value))
        hasData = true
    }

    private mutating func dispatch(into events: inout [String]) {
        events.append(dataLines.joined(separator: "\n"))
        dataLines.removeAll()
        hasData = false
    }
}
