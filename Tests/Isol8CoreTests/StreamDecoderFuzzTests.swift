import Foundation
import Isol8TestSupport
import XCTest
@testable import Isol8Core

/// Seeded fuzzing of the decoders that read bytes a container or a server controls: Docker's
/// exec frames, Server-Sent Events and WebSocket frames. Random bytes, valid streams and
/// mutated valid streams, each cut into random reads: no crash, no hang, no byte invented, and
/// the same result however the reads are cut.
final class StreamDecoderFuzzTests: XCTestCase {
    // MARK: Docker frames

    private struct Demuxed: Equatable {
        var streams: [OutputChannel: [UInt8]] = [:]
        var emptyChunks = 0
        var total: Int { streams.values.reduce(0) { $0 + $1.count } }
    }

    private func demux(_ reads: [[UInt8]]) -> Demuxed {
        var demuxer = FrameDemuxer()
        var result = Demuxed()
        for read in reads {
            for (channel, data) in demuxer.feed(Data(read)) {
                result.streams[channel, default: []] += data
                if data.isEmpty { result.emptyChunks += 1 }
            }
        }
        return result
    }

    /// Frames of random streams and sizes, and what each stream should receive.
    private func validFrames(_ random: inout SeededRandom) -> (bytes: [UInt8], expected: Demuxed) {
        var bytes: [UInt8] = []
        var expected = Demuxed()
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            let channel: OutputChannel = random.oneIn(2) ? .stdout : .stderr
            let payload = Fuzz.bytes(random.oneIn(8) ? 0 : Int.random(in: 1...300, using: &random), using: &random)
            let size = UInt32(payload.count)
            bytes += [channel.rawValue, 0, 0, 0, UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)] + payload
            if !payload.isEmpty { expected.streams[channel, default: []] += payload }
        }
        return (bytes, expected)
    }

    func testFrameDemuxerNeverInventsBytesAndIgnoresHowReadsAreCut() {
        Fuzz.run("FrameDemuxer", cases: 4000) { random in
            let input: [UInt8]
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                let (bytes, expected) = validFrames(&random)
                let got = demux(Fuzz.chunks(bytes, using: &random))
                guard got == expected else { throw Fuzz.Violation("valid frames \(bytes) gave \(got), expected \(expected)") }
                return
            case 1:
                input = Fuzz.bytes(Int.random(in: 0...512, using: &random), using: &random, favouring: [0, 1, 2, 3])
            default:
                input = Fuzz.mutate(validFrames(&random).bytes, using: &random, inserting: [0, 1, 2, 0xFF])
            }
            let whole = demux([input])
            guard whole.total <= input.count else {
                throw Fuzz.Violation("\(whole.total) bytes out of \(input.count) in: \(input)")
            }
            guard whole.emptyChunks == 0 else { throw Fuzz.Violation("empty chunks out of \(input)") }
            let cut = demux(Fuzz.chunks(input, using: &random))
            guard cut == whole else { throw Fuzz.Violation("cut reads gave \(cut), one read \(whole), input \(input)") }
        }
    }

    // MARK: Server-Sent Events

    private func decodeSSE(_ reads: [[UInt8]]) -> [String] {
        var decoder = SSEDecoder()
        return reads.flatMap { decoder.feed(Data($0)) } + decoder.finish()
    }

    /// Text without line breaks: ASCII, accents, emoji, the odd control character.
    private func eventText(_ random: inout SeededRandom) -> String {
        let pieces = ["a", "{\"type\":\"stdout\"}", " ", "é", "😀", "\u{1B}[31m", ":", "data: ", "\t", "\u{FFFD}", "\u{2028}"]
        return (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// A valid stream with comments, `event:`/`id:` lines, multi-line data and every line end.
    private func validSSE(_ random: inout SeededRandom) -> (bytes: [UInt8], events: [String]) {
        var text = ""
        var events: [String] = []
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            let end = ["\n", "\r\n", "\r"].randomElement(using: &random)!
            if random.oneIn(3) { text += ": ping" + end }
            if random.oneIn(3) { text += "event: message" + end + "id: 7" + end }
            let lines = (0..<Int.random(in: 1...3, using: &random)).map { _ in eventText(&random) }
            // `data:` without its space only where the value does not start with one (it would be dropped).
            for line in lines { text += (random.oneIn(2) || line.hasPrefix(" ") ? "data: " : "data:") + line + end }
            text += end
            events.append(lines.joined(separator: "\n"))
        }
        return (Array(text.utf8), events)
    }

    func testSSEDecoderInventsNothingAndIgnoresHowReadsAreCut() {
        Fuzz.run("SSEDecoder", cases: 4000) { random in
            let input: [UInt8]
            let special = Array("data: \r\n:".utf8) + [0xC3, 0xA9, 0xF0]
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                let (bytes, events) = validSSE(&random)
                let got = decodeSSE(Fuzz.chunks(bytes, using: &random))
                guard got == events else { throw Fuzz.Violation("valid stream \(String(decoding: bytes, as: UTF8.self).debugDescription) gave \(got), expected \(events)") }
                return
            case 1:
                input = Fuzz.bytes(Int.random(in: 0...400, using: &random), using: &random, favouring: special)
            default:
                input = Fuzz.mutate(validSSE(&random).bytes, using: &random, inserting: special)
            }
            let whole = decodeSSE([input])
            // Every character of an event comes from a byte of the input (the `\n` joining data
            // lines from a line end).
            let characters = whole.reduce(0) { $0 + $1.unicodeScalars.count }
            guard characters <= input.count else { throw Fuzz.Violation("\(characters) characters out of \(input.count) bytes: \(input)") }
            let cut = decodeSSE(Fuzz.chunks(input, using: &random))
            guard cut == whole else { throw Fuzz.Violation("cut reads gave \(cut), one read \(whole), input \(input)") }
        }
    }

    // MARK: WebSocket

    private struct Received: Equatable {
        var events: [WebSocketReceiver.Event] = []
        var failed = false
    }

    /// Feeds the reads until the first protocol error; any other error breaks the contract.
    private func receive(_ reads: [[UInt8]]) throws -> Received {
        var receiver = WebSocketReceiver()
        var result = Received()
        for read in reads {
            do {
                result.events += try receiver.feed(read)
            } catch is WebSocketProtocolError {
                result.failed = true
                return result
            } catch {
                throw Fuzz.Violation("untyped error \(error)")
            }
        }
        return result
    }

    /// Text messages (some fragmented, with pings between the fragments), pings, a close.
    private func validWebSocket(_ random: inout SeededRandom) -> (bytes: [UInt8], events: [WebSocketReceiver.Event]) {
        var bytes: [UInt8] = []
        var events: [WebSocketReceiver.Event] = []
        func frame(_ opcode: WebSocketFrame.Opcode, _ payload: [UInt8], fin: Bool = true, random: inout SeededRandom) -> [UInt8] {
            let mask = random.oneIn(3) ? Fuzz.bytes(4, using: &random) : nil
            return WebSocketFrame(fin: fin, opcode: opcode, payload: payload).encoded(maskKey: mask)
        }
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            if random.oneIn(4) {
                let payload = Fuzz.bytes(Int.random(in: 0...20, using: &random), using: &random)
                bytes += frame(.ping, payload, random: &random)
                events.append(.ping(payload))
                continue
            }
            let text = (0..<Int.random(in: 0...4, using: &random)).map { _ in ["x", "é", "😀", "{\"type\":\"exit\"}"].randomElement(using: &random)! }.joined()
                + String(repeating: "z", count: random.oneIn(40) ? Int.random(in: 126...70_000, using: &random) : 0)
            let payload = Array(text.utf8)
            let parts = random.oneIn(2) ? 1 : Int.random(in: 2...4, using: &random)
            let cuts = ([0, payload.count] + (1..<parts).map { _ in Int.random(in: 0...payload.count, using: &random) }).sorted()
            for index in 0..<parts {
                let piece = Array(payload[cuts[index]..<cuts[index + 1]])
                bytes += frame(index == 0 ? .text : .continuation, piece, fin: index == parts - 1, random: &random)
                if index < parts - 1 && random.oneIn(3) {
                    bytes += frame(.ping, [], random: &random)
                    events.append(.ping([]))
                }
            }
            events.append(.text(text))
        }
        if random.oneIn(2) {
            bytes += frame(.close, [0x03, 0xE8] + Array("bye".utf8), random: &random)
            events.append(.close(code: 1000, reason: "bye"))
        }
        return (bytes, events)
    }

    func testWebSocketReceiverFailsOnlyWithProtocolErrorsWhateverTheReads() {
        Fuzz.run("WebSocketReceiver", cases: 3000) { random in
            let input: [UInt8]
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                let (bytes, events) = validWebSocket(&random)
                let got = try receive(Fuzz.chunks(bytes, using: &random))
                guard got == Received(events: events) else { throw Fuzz.Violation("valid frames gave \(got), expected \(events)") }
                return
            case 1:
                input = Fuzz.bytes(Int.random(in: 0...300, using: &random), using: &random, favouring: [0x81, 0x80, 0x01, 0x00, 0x89, 0x88, 0x7E, 0x7F, 0xFF])
            default:
                input = Fuzz.mutate(validWebSocket(&random).bytes, using: &random, inserting: [0x81, 0x00, 0x80, 0x7F, 0xFF])
            }
            let whole = try receive([input])
            let cut = try receive(Fuzz.chunks(input, using: &random))
            // A stream that breaks the protocol fails however it is cut; one that does not gives
            // the same events.
            guard whole.failed == cut.failed, whole.failed || whole.events == cut.events else {
                throw Fuzz.Violation("one read \(whole), cut reads \(cut), input \(input)")
            }
        }
    }
}
