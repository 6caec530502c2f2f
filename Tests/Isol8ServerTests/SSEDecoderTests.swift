import Foundation
import XCTest
import Isol8Core

final class SSEDecoderTests: XCTestCase {
    func decodeAll(_ text: String, splitAt: [Int]) -> [String] {
        let bytes = Array(text.utf8)
        var decoder = SSEDecoder()
        var events: [String] = []
        var start = 0
        for cut in splitAt + [bytes.count] where cut >= start {
            events += decoder.feed(Data(bytes[start..<cut]))
            start = cut
        }
        return events + decoder.finish()
    }

    func testEveryChunkSplitGivesTheSameEvents() {
        let body = "data: {\"type\":\"stdout\",\"data\":\"é\\n\"}\n\ndata: {\"type\":\"exit\",\"data\":\"0\"}\n\n"
        let expected = [#"{"type":"stdout","data":"é\n"}"#, #"{"type":"exit","data":"0"}"#]
        for cut in 0...body.utf8.count {
            XCTAssertEqual(decodeAll(body, splitAt: [cut]), expected, "split at \(cut)")
        }
        XCTAssertEqual(decodeAll(body, splitAt: Array(0...body.utf8.count)), expected, "one byte at a time")
    }

    func testCRLFAndBareCRLineEnds() {
        for cut in 0...20 {
            XCTAssertEqual(decodeAll("data: a\r\n\r\ndata: b\r\rdata: c\n\n", splitAt: [cut]), ["a", "b", "c"], "split at \(cut)")
        }
    }

    func testCommentsAndOtherFieldsAreSkipped() {
        XCTAssertEqual(decodeAll(": heartbeat\nevent: message\nid: 7\nretry: 10\ndata: x\n\n:\n\n", splitAt: []), ["x"])
    }

    func testMultiLineDataJoinsWithNewline() {
        XCTAssertEqual(decodeAll("data: one\ndata:two\ndata:  three\n\n", splitAt: []), ["one\ntwo\n three"])
    }

    func testFinalEventWithoutBlankLineStillCounts() {
        XCTAssertEqual(decodeAll("data: first\n\ndata: last", splitAt: []), ["first", "last"])
    }

    func testUnknownEventTypesAreDecodedAndKept() {
        let payloads = decodeAll("data: {\"type\":\"telemetry\",\"data\":\"x\"}\n\ndata: {\"type\":\"exit\",\"data\":\"0\"}\n\n", splitAt: [])
        XCTAssertEqual(payloads.compactMap(WireJSON.decodeEvent),
                       [StreamEvent(StreamEvent.Kind(rawValue: "telemetry"), "x", phase: nil), StreamEvent(.exit, "0", phase: nil)])
    }
}

final class JSONValueTests: XCTestCase {
    func testEscapingMatchesJavaScript() {
        let text = "quote\" back\\ nl\n tab\t cr\r bell\u{07} nul\u{00} slash/ é 😀"
        XCTAssertEqual(JSONValue.string(text).rendered,
                       #""quote\" back\\ nl\n tab\t cr\r bell\u0007 nul\u0000 slash/ é 😀""#)
        let parsed = try? JSONSerialization.jsonObject(with: Data(JSONValue.array([.string(text)]).rendered.utf8)) as? [String]
        XCTAssertEqual(parsed, [text])
    }

    func testObjectsKeepInsertionOrder() {
        let value = JSONValue.object([("z", .int(1)), ("a", .bool(false)), ("m", .null), ("d", .double(1.5)), ("e", .array([]))])
        XCTAssertEqual(value.rendered, #"{"z":1,"a":false,"m":null,"d":1.5,"e":[]}"#)
        XCTAssertEqual(JSONValue.array([.object([("id", .string("s"))])]).prettyRendered, "[\n  {\n    \"id\": \"s\"\n  }\n]")
    }

    func testResultKeyOrderFollowsTheSpec() {
        var result = ExecutionResult(stdout: "o", stderr: "e", exitCode: 0, durationMs: 5, truncated: false,
                                     executionId: "id", runtime: .bash, timestamp: "t", containerId: "c")
        result.files = ["/b": "Yg==", "/a": "YQ=="]
        XCTAssertEqual(WireJSON.result(result).rendered,
                       #"{"stdout":"o","stderr":"e","exitCode":0,"durationMs":5,"truncated":false,"executionId":"id","runtime":"bash","timestamp":"t","containerId":"c","files":{"/a":"YQ==","/b":"Yg=="}}"#)
        XCTAssertEqual(try? WireJSON.decodeResult(Data(WireJSON.result(result).rendered.utf8)), result)
    }
}

/// A server that never ends a line costs the client a bounded buffer, and the stream goes on.
final class SSEDecoderBoundTests: XCTestCase {
    func testAnOverlongLineIsDroppedAndTheNextEventArrives() {
        var decoder = SSEDecoder()
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        var events = decoder.feed(Data("data: ".utf8))
        for _ in 0...(SSEDecoder.maxLineBytes >> 20) { events += decoder.feed(chunk) }
        events += decoder.feed(Data("\n\ndata: after\n\n".utf8))
        XCTAssertEqual(events, ["after"])
    }
}
