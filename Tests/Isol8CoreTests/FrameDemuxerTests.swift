import XCTest
@testable import Isol8Core

final class FrameDemuxerTests: XCTestCase {
    private func frame(_ stream: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let n = UInt32(payload.count)
        return [stream, 0, 0, 0, UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)] + payload
    }

    private func collect(_ chunks: [[UInt8]]) -> (stdout: [UInt8], stderr: [UInt8], order: [OutputChannel]) {
        var demuxer = FrameDemuxer()
        var out = [UInt8](), err = [UInt8](), order = [OutputChannel]()
        for chunk in chunks {
            for (stream, data) in demuxer.feed(Data(chunk)) {
                if stream == .stderr { err += data } else { out += data }
                if order.last != stream { order.append(stream) }
            }
        }
        return (out, err, order)
    }

    func testWholeFramesAreSplitByStream() {
        let bytes = frame(1, Array("hello ".utf8)) + frame(2, Array("oops".utf8)) + frame(1, Array("world".utf8))
        let result = collect([bytes])
        XCTAssertEqual(String(decoding: result.stdout, as: UTF8.self), "hello world")
        XCTAssertEqual(String(decoding: result.stderr, as: UTF8.self), "oops")
        XCTAssertEqual(result.order, [.stdout, .stderr, .stdout])
    }

    func testRandomChunkSplitsGiveTheSameStreams() {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8]()
        var expectedOut = [UInt8](), expectedErr = [UInt8]()
        for i in 0..<200 {
            let payload = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let stream: UInt8 = i % 3 == 0 ? 2 : 1
            bytes += frame(stream, payload)
            if stream == 2 { expectedErr += payload } else { expectedOut += payload }
        }
        for _ in 0..<50 {
            var chunks = [[UInt8]]()
            var index = 0
            while index < bytes.count {
                let size = Int.random(in: 1...17, using: &generator)
                chunks.append(Array(bytes[index..<min(bytes.count, index + size)]))
                index += size
            }
            let result = collect(chunks)
            XCTAssertEqual(result.stdout, expectedOut)
            XCTAssertEqual(result.stderr, expectedErr)
        }
    }

    func testHeaderSplitAcrossEveryByteBoundary() {
        let bytes = frame(2, Array("abc".utf8)) + frame(1, Array("de".utf8))
        for cut in 1..<bytes.count {
            let result = collect([Array(bytes[..<cut]), Array(bytes[cut...])])
            XCTAssertEqual(String(decoding: result.stderr, as: UTF8.self), "abc", "cut at \(cut)")
            XCTAssertEqual(String(decoding: result.stdout, as: UTF8.self), "de", "cut at \(cut)")
        }
    }
}
