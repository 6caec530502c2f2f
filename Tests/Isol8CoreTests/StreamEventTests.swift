import Foundation
import XCTest
import Isol8Core

/// Event types this build does not know are kept, not dropped (compat §7 step 3).
final class StreamEventTests: XCTestCase {
    func testUnknownTypeDecodesAndEncodesUnchanged() throws {
        let text = #"{"type":"telemetry","data":"x","phase":"code"}"#
        let event = try XCTUnwrap(WireJSON.decodeEvent(text))
        XCTAssertEqual(event.type, StreamEvent.Kind(rawValue: "telemetry"))
        XCTAssertEqual(event.data, "x")
        XCTAssertEqual(WireJSON.event(event).rendered, text)
        XCTAssertEqual(try JSONDecoder().decode(StreamEvent.self, from: JSONEncoder().encode(event)), event)
    }

    func testKnownTypesStillMatchTheirNames() {
        XCTAssertEqual(WireJSON.decodeEvent(#"{"type":"stdout","data":"x","phase":"setup"}"#), StreamEvent(.stdout, "x", phase: .setup))
        XCTAssertEqual(WireJSON.decodeEvent(#"{"type":"network","data":"{}"}"#)?.type, .network)
    }

    func testMalformedEventsAreStillRejected() {
        XCTAssertNil(WireJSON.decodeEvent(#"{"data":"no type"}"#))
        XCTAssertNil(WireJSON.decodeEvent(#"{"type":"stdout"}"#))
        XCTAssertNil(WireJSON.decodeEvent("not json"))
    }
}
