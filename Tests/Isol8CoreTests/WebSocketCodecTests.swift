import Foundation
import XCTest
@testable import Isol8Core

/// The pure parts of the WebSocket client: the handshake check, frames and
/// message reassembly (RFC 6455 examples where the RFC gives them).
final class WebSocketCodecTests: XCTestCase {
    func testAcceptValueIsTheRFCExample() {
        XCTAssertEqual(WebSocketHandshake.accept(for: "dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    func testHandshakeRequestCarriesKeyVersionAndExtraHeaders() {
        let handshake = WebSocketHandshake(key: "dGhlIHNhbXBsZSBub25jZQ==")
        let request = handshake.request(path: "/execute/ws", hostHeader: "127.0.0.1:3000", headers: ["Authorization: Bearer k"])
        XCTAssertEqual(request, "GET /execute/ws HTTP/1.1\r\nHost: 127.0.0.1:3000\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer k\r\n\r\n")
    }

    func testHandshakeAnswerIsVerified() {
        let handshake = WebSocketHandshake(key: "dGhlIHNhbXBsZSBub25jZQ==")
        XCTAssertNoThrow(try handshake.verify(responseHead: "HTTP/1.1 101 Switching Protocols\r\nUpgrade: WebSocket\r\n"
            + "connection: upgrade\r\nsec-websocket-accept:  s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
        XCTAssertThrowsError(try handshake.verify(responseHead: "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Sec-WebSocket-Accept: wrong=")) { XCTAssertEqual($0 as? WebSocketHandshakeError, .invalidAnswer) }
        XCTAssertThrowsError(try handshake.verify(responseHead: "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0")) {
            XCTAssertEqual($0 as? WebSocketHandshakeError, .refused(status: 401))
        }
    }

    func testMaskedFrameIsTheRFCExample() {
        // RFC 6455 §5.7: a masked text frame "Hello".
        let frame = WebSocketFrame(opcode: .text, payload: Array("Hello".utf8))
        XCTAssertEqual(frame.encoded(maskKey: [0x37, 0xfa, 0x21, 0x3d]),
                       [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58])
        XCTAssertEqual(frame.encoded(), [0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f])
    }

    func testFramesOfEveryLengthClassRoundTrip() throws {
        for size in [0, 125, 126, 65535, 65536, 70000] {
            let frame = WebSocketFrame(fin: size % 2 == 0, opcode: .binary, payload: (0..<size).map { UInt8($0 % 251) })
            for mask in [nil, [UInt8(9), 8, 7, 6]] {
                let bytes = frame.encoded(maskKey: mask)
                let decoded = try XCTUnwrap(try WebSocketFrame.decode(bytes[...]))
                XCTAssertEqual(decoded.frame, frame, "size \(size)")
                XCTAssertEqual(decoded.length, bytes.count)
                XCTAssertNil(try WebSocketFrame.decode(bytes.dropLast()), "an incomplete frame waits for more bytes")
            }
        }
    }

    func testUnknownOpcodeIsAProtocolError() {
        XCTAssertThrowsError(try WebSocketFrame.decode([0x83, 0x00][...]))
    }

    func testReceiverJoinsFragmentsAcrossAnySplitAndAnswersControlFrames() throws {
        var stream: [UInt8] = []
        stream += WebSocketFrame(fin: false, opcode: .text, payload: Array("{\"type\":".utf8)).encoded()
        stream += WebSocketFrame(opcode: .ping, payload: [1, 2]).encoded()
        stream += WebSocketFrame(fin: false, opcode: .continuation, payload: Array("\"stdout\",".utf8)).encoded()
        stream += WebSocketFrame(opcode: .continuation, payload: Array("\"data\":\"é\"}".utf8)).encoded()
        stream += WebSocketFrame(opcode: .binary, payload: [0xFF]).encoded()
        stream += WebSocketFrame(opcode: .pong, payload: []).encoded()
        stream += WebSocketFrame(opcode: .text, payload: Array("second".utf8)).encoded()
        stream += WebSocketFrame(opcode: .close, payload: [0x03, 0xE8] + Array("Execution complete".utf8)).encoded()
        let expected: [WebSocketReceiver.Event] = [
            .ping([1, 2]), .text(#"{"type":"stdout","data":"é"}"#), .text("second"),
            .close(code: 1000, reason: "Execution complete"),
        ]
        for cut in 0...stream.count {
            var receiver = WebSocketReceiver()
            let events = try receiver.feed(Array(stream[..<cut])) + receiver.feed(Array(stream[cut...]))
            XCTAssertEqual(events, expected, "split at \(cut)")
        }
    }

    func testContinuationWithoutAMessageIsRefused() {
        var receiver = WebSocketReceiver()
        XCTAssertThrowsError(try receiver.feed(WebSocketFrame(opcode: .continuation, payload: [0x41]).encoded()))
    }

    func testCloseWithoutStatusHasNoCode() throws {
        var receiver = WebSocketReceiver()
        XCTAssertEqual(try receiver.feed(WebSocketFrame(opcode: .close, payload: []).encoded()), [.close(code: nil, reason: "")])
    }
}
