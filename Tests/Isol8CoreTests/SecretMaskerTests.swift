import XCTest
@testable import Isol8Core

/// Secrets are masked whole, wherever chunk boundaries or URL encoding put them.
final class SecretMaskerTests: XCTestCase {
    private let masker = SecretMasker(secrets: ["A": "hunter2", "B": "", "C": "tok", "D": "hunter2-long", "E": "p@ss word"])

    func testLongerSecretWinsWhereTwoStartTogether() {
        XCTAssertEqual(masker.mask("x hunter2-long y hunter2 z"), "x *** y *** z")
    }

    func testPercentEncodedFormIsMaskedToo() {
        XCTAssertEqual(masker.mask("/api?q=p%40ss%20word&r=p@ss word"), "/api?q=***&r=***")
    }

    func testNetworkEntryHostPathAndMatchedHostAreMasked() {
        let entry = NetworkLogEntry(timestamp: "t", method: "GET", host: "tok.example", path: "/x?key=hunter2", action: "ALLOW",
                                    durationMs: 1, matchedHost: "tok.example")
        let masked = masker.mask(entry)
        XCTAssertEqual(masked.host, "***.example")
        XCTAssertEqual(masked.path, "/x?key=***")
        XCTAssertEqual(masked.matchedHost, "***.example")
        XCTAssertEqual(masked.method, "GET")
    }

    func testStreamHoldsBackAPossibleSecretUntilTheNextChunkDecides() {
        var stream = SecretStreamMasker(masker)
        var shown = ""
        for chunk in ["start hun", "te", "r2 mid hun", "ch end to"] {
            let out = String(decoding: stream.feed(Data(chunk.utf8)), as: UTF8.self)
            XCTAssertFalse(out.hasSuffix("hun") || out.hasSuffix("hunte"), "a possible secret's start went out: \(out)")
            shown += out
        }
        shown += String(decoding: stream.finish(), as: UTF8.self)
        XCTAssertEqual(shown, "start *** mid hunch end to")
    }

    func testEveryOneByteSplitGivesTheSameResultAsTheWhole() {
        let text = "a hunter2-long b tok c hunter2 d p@ss word"
        let whole = masker.mask(text)
        var stream = SecretStreamMasker(masker)
        var pieces = Data()
        for byte in text.utf8 { pieces += stream.feed(Data([byte])) }
        pieces += stream.finish()
        XCTAssertEqual(String(decoding: pieces, as: UTF8.self), whole)
        XCTAssertEqual(whole, "a *** b *** c *** d ***")
    }

    func testWithoutSecretsBytesPassUnchanged() {
        var stream = SecretStreamMasker(SecretMasker(secrets: [:]))
        let bytes = Data([0xFF, 0x00, 0x41])
        XCTAssertEqual(stream.feed(bytes), bytes)
        XCTAssertEqual(stream.finish(), Data())
    }
}
