import Crypto
import Foundation
import XCTest
import Isol8Core

/// The digests isol8 stores and compares (API key hashes, image build labels, `codeHash`, the
/// WebSocket accept value) as lower-case hex: the FIPS 180 example vectors.
final class DigestTests: XCTestCase {
    private let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    private let millionA = Data(repeating: 0x61, count: 1_000_000)

    func testSHA256MatchesTheFIPSVectors() {
        XCTAssertEqual(SHA256.hash(data: Data("abc".utf8)).hexString,
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hash(data: Data()).hexString,
                       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hash(data: Data(twoBlocks.utf8)).hexString,
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hash(data: millionA).hexString,
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testSHA256FedInPiecesEqualsTheWholeHash() {
        var hasher = SHA256()
        for piece in stride(from: 0, to: millionA.count, by: 65_537) {
            hasher.update(data: millionA[piece ..< min(piece + 65_537, millionA.count)])
        }
        XCTAssertEqual(hasher.finalize().hexString, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testSHA1MatchesTheFIPSVectors() {
        XCTAssertEqual(Insecure.SHA1.hash(data: Data("abc".utf8)).hexString, "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(Insecure.SHA1.hash(data: Data()).hexString, "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        XCTAssertEqual(Insecure.SHA1.hash(data: Data(twoBlocks.utf8)).hexString, "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        XCTAssertEqual(Insecure.SHA1.hash(data: millionA).hexString, "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    func testHexKeepsLeadingZerosOfEachByte() {
        XCTAssertEqual([UInt8]([0x00, 0x0f, 0xa0, 0xff]).hexString, "000fa0ff")
        XCTAssertEqual([UInt8]().hexString, "")
    }
}
