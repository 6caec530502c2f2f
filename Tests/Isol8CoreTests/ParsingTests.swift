import XCTest
@testable import Isol8Core
import UTF8Stream

final class ByteSizeTests: XCTestCase {
    func testSpecExamples() throws {
        XCTAssertEqual(try ByteSize("512m").bytes, 536_870_912)
        XCTAssertEqual(try ByteSize("1g").bytes, 1_073_741_824)
        XCTAssertEqual(try ByteSize("256k").bytes, 262_144)
        XCTAssertEqual(try ByteSize("1024").bytes, 1024)
        XCTAssertEqual(try ByteSize("512mb").bytes, 536_870_912)
        XCTAssertEqual(try ByteSize("1.5G").bytes, 1_610_612_736)
        XCTAssertEqual(try ByteSize("64 m").bytes, 67_108_864)
    }

    func testKeepsTheTextAndWritesBytesInTheLargestUnit() throws {
        XCTAssertEqual(try ByteSize("512M").text, "512m")
        XCTAssertEqual(ByteSize(bytes: 6 << 20).text, "6m")
        XCTAssertEqual(ByteSize(bytes: 1 << 30).text, "1g")
        XCTAssertEqual(ByteSize(bytes: 1000).text, "1000")
        XCTAssertEqual(try ByteSize("1g"), try ByteSize("1024m"))
    }

    func testBadInputNamesTheValue() {
        for bad in ["", "abc", "12x", "1.2.3m", ".5m", "m", "-1m", "5mm"] {
            XCTAssertThrowsError(try ByteSize(bad), bad) { error in
                XCTAssertEqual("\(error)", "Invalid memory limit format: \"\(bad)\". Use e.g. \"512m\", \"1g\".")
            }
        }
    }
}

final class WorkdirResolverTests: XCTestCase {
    func testSpecExamples() throws {
        XCTAssertEqual(try WorkdirResolver.resolve("subdir"), "/sandbox/subdir")
        XCTAssertEqual(try WorkdirResolver.resolve("a/b/c"), "/sandbox/a/b/c")
        XCTAssertEqual(try WorkdirResolver.resolve("."), "/sandbox")
        XCTAssertEqual(try WorkdirResolver.resolve("/sandbox/a/../b"), "/sandbox/b")
        XCTAssertEqual(try WorkdirResolver.resolve("/sandbox//x///y/"), "/sandbox/x/y")
        XCTAssertEqual(try WorkdirResolver.resolve(nil), "/sandbox")
    }

    func testEscapesAreRejected() {
        for escape in ["../../etc", "/etc/passwd", "/", "../etc", "/sandboxed", "a/../../tmp"] {
            XCTAssertThrowsError(try WorkdirResolver.resolve(escape), escape) { error in
                XCTAssertEqual("\(error)", "Working directory must be inside /sandbox")
            }
        }
    }
}

final class RuntimeDetectionTests: XCTestCase {
    func testExtensions() throws {
        XCTAssertEqual(try RuntimeRegistry.detect("main.py"), .python)
        XCTAssertEqual(try RuntimeRegistry.detect("a.b.js"), .node)
        XCTAssertEqual(try RuntimeRegistry.detect("x.mjs"), .node)
        XCTAssertEqual(try RuntimeRegistry.detect("x.cjs"), .node)
        XCTAssertEqual(try RuntimeRegistry.detect("x.ts"), .bun)
        XCTAssertEqual(try RuntimeRegistry.detect("x.mts"), .deno)
        XCTAssertEqual(try RuntimeRegistry.detect("run.sh"), .bash)
    }

    func testUnknownExtensionAndRuntimeMessages() {
        XCTAssertThrowsError(try RuntimeRegistry.detect("notes.rb")) { error in
            XCTAssertEqual("\(error)", "Cannot detect runtime for \"notes.rb\". Known extensions: .py, .mjs, .js, .cjs, .ts, .sh, .mts, .txt")
        }
        XCTAssertThrowsError(try RuntimeRegistry.detect("Makefile"))
        XCTAssertThrowsError(try Runtime.named("ruby")) { error in
            XCTAssertEqual("\(error)", "Unknown runtime: \"ruby\". Available: python, node, bun, deno, bash, agent")
        }
    }
}

final class APIVersionTests: XCTestCase {
    func testNegotiationPicksHighestCommonVersion() {
        let debian = APIVersion.negotiate(server: APIVersion("1.41")!, serverMinimum: APIVersion("1.12"))
        XCTAssertEqual(debian.description, "1.41")
        let docker29 = APIVersion.negotiate(server: APIVersion("1.52")!, serverMinimum: APIVersion("1.44"))
        XCTAssertEqual(docker29.description, "1.47")
        let future = APIVersion.negotiate(server: APIVersion("2.3")!, serverMinimum: APIVersion("1.50"))
        XCTAssertEqual(future.description, "1.50")
        XCTAssertTrue(APIVersion("1.9")! < APIVersion("1.41")!)
    }

    func testDockerHostParsing() throws {
        XCTAssertEqual(try DockerEndpoint.fromEnvironment([:]), .unix(path: "/var/run/docker.sock"))
        XCTAssertEqual(try DockerEndpoint.parse("unix:///tmp/d.sock"), .unix(path: "/tmp/d.sock"))
        XCTAssertEqual(try DockerEndpoint.parse("tcp://127.0.0.1:2375"), .tcp(host: "127.0.0.1", port: 2375))
        XCTAssertThrowsError(try DockerEndpoint.parse("ssh://box"))
    }
}

final class OutputProcessingTests: XCTestCase {
    func testLimiterKeepsCapAndCountsObservedBytes() {
        var limiter = OutputLimiter(limit: 10)
        for _ in 0..<1000 { limiter.append(Data("0123456789".utf8)) }
        XCTAssertTrue(limiter.truncated)
        XCTAssertEqual(limiter.text(), "0123456789\n\n--- OUTPUT TRUNCATED (10000 bytes, limit: 10) ---")
    }

    func testLimiterCutsOnUTF8Boundary() {
        var limiter = OutputLimiter(limit: 4)
        limiter.append(Data("aé€x".utf8))   // a(1) é(2) €(3): the cut falls inside €
        XCTAssertTrue(limiter.text().hasPrefix("aé\n\n--- OUTPUT TRUNCATED"))
    }

    func testChunkDecodingGivesTheWholeStreamsTextWhereverTheChunksSplit() {
        let samples: [[UInt8]] = [Array("a€😀b".utf8), [0x61, 0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x41, 0xC3], [0xED, 0xA0, 0x80, 0xC0, 0xAF, 0x62],
                                  Array("x".utf8) + [0xE2, 0x82, 0xE2, 0x82, 0xAC]]
        for bytes in samples {
            let whole = String(decoding: bytes, as: UTF8.self)
            for first in 0...bytes.count {
                for second in first...bytes.count {
                    var decoder = UTF8StreamDecoder()
                    let text = decoder.decode(Data(bytes[..<first])) + decoder.decode(Data(bytes[first..<second]))
                        + decoder.decode(Data(bytes[second...])) + decoder.finish()
                    XCTAssertEqual(Array(text.unicodeScalars), Array(whole.unicodeScalars), "\(bytes) cut at \(first), \(second)")
                }
            }
        }
    }

    func testSecretMasking() {
        let masker = SecretMasker(secrets: ["A": "hunter2", "B": "", "C": "tok"])
        XCTAssertEqual(masker.mask("pw=hunter2 t=tok hunter2"), "pw=*** t=*** ***")
    }

    func testSemaphoreRejectsZero() {
        XCTAssertThrowsError(try AsyncSemaphore(max: 0)) { XCTAssertEqual("\($0)", "Semaphore max must be >= 1") }
    }
}

final class ResourceSamplerTests: XCTestCase {
    func testCountersParseAndGiveTheRunsOwnWindow() throws {
        let netdev = """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            lo:    500       5    0    0    0     0          0         0      500       5    0    0    0     0       0          0
          eth0:   1000      10    0    0    0     0          0         0     2000      20    0    0    0     0       0          0
        """
        let start = try XCTUnwrap(ResourceSampler.parse("1000000000\n10485760\n5000000000\n" + netdev))
        XCTAssertEqual(start.receivedBytes, 1000)
        XCTAssertEqual(start.sentBytes, 2000)
        var end = start
        end.cpuNanoseconds += 250_000_000
        end.wallNanoseconds += 500_000_000
        end.memoryBytes = 64 * 1_048_576
        end.receivedBytes += 300
        let usage = ResourceSampler.usage(start: start, end: end)
        XCTAssertEqual(usage, ResourceUsage(cpuPercent: 50, memoryMB: 64, networkBytesIn: 300, networkBytesOut: 0))
        XCTAssertNil(ResourceSampler.parse("not numbers"))
    }
}
