import NetworkPolicy
import XCTest

/// JSON lines of compat §3.6 and the tolerant reading of §3.7.
final class LogRecordTests: XCTestCase {
    func testNetworkLineHasExactFieldOrderAndFormat() {
        let record = NetworkLogRecord(timestamp: "2026-02-19T12:00:00+00:00", method: "GET", host: "example.com",
                                      path: "/", action: .allow, durationMs: 42)
        XCTAssertEqual(record.jsonLine(),
                       #"{"timestamp":"2026-02-19T12:00:00+00:00","method":"GET","host":"example.com","path":"/","action":"ALLOW","durationMs":42}"#)
    }

    func testConnectLineHasNullPath() {
        let record = NetworkLogRecord(timestamp: "2026-02-19T12:00:01+00:00", method: "CONNECT", host: "example.com",
                                      path: nil, action: .block, durationMs: 0)
        XCTAssertEqual(record.jsonLine(),
                       #"{"timestamp":"2026-02-19T12:00:01+00:00","method":"CONNECT","host":"example.com","path":null,"action":"BLOCK","durationMs":0}"#)
    }

    func testEmptyPathIsWrittenAsNull() {
        let record = NetworkLogRecord(timestamp: "t", method: "GET", host: "h", path: "", action: .allow, durationMs: 1)
        XCTAssertTrue(record.jsonLine().contains(#""path":null"#))
    }

    func testSecurityEventLineHasExactShape() {
        let event = SecurityEventRecord(timestamp: "2026-02-19T12:00:01+00:00", method: "CONNECT", host: "evil.com")
        XCTAssertEqual(event.jsonLine(),
                       #"{"type":"network_blocked","timestamp":"2026-02-19T12:00:01+00:00","details":{"method":"CONNECT","host":"evil.com","reason":"filter_mismatch"}}"#)
    }

    func testStringsAreEscaped() {
        let record = NetworkLogRecord(timestamp: "t", method: "GET", host: "a\"b\\c", path: "/x\ny\u{1}",
                                      action: .allow, durationMs: 0)
        let line = record.jsonLine()
        XCTAssertTrue(line.contains(#""host":"a\"b\\c""#), line)
        XCTAssertTrue(line.contains(#""path":"/x\ny\u0001""#), line)
        XCTAssertFalse(line.contains("\n"))
        XCTAssertEqual(NetworkLogRecord.decode(line: line), record)
    }

    func testNetworkLineRoundTrips() {
        for record in [
            NetworkLogRecord(timestamp: "2026-02-19T12:00:00+01:00", method: "POST", host: "h.io", path: "/a?b=c",
                             action: .block, durationMs: 0),
            NetworkLogRecord(timestamp: "2026-02-19T12:00:00-05:30", method: "CONNECT", host: "h.io", path: nil,
                             action: .allow, durationMs: 0),
        ] {
            XCTAssertEqual(NetworkLogRecord.decode(line: record.jsonLine()), record)
        }
    }

    func testDecodingFillsSpecDefaults() throws {
        let record = try XCTUnwrap(NetworkLogRecord.decode(line: #"{"timestamp":"2026-01-01T00:00:00+00:00"}"#))
        XCTAssertEqual(record.method, "UNKNOWN")
        XCTAssertEqual(record.host, "")
        XCTAssertNil(record.path)
        XCTAssertEqual(record.action, .allow)
        XCTAssertEqual(record.durationMs, 0)
        XCTAssertEqual(record.timestamp, "2026-01-01T00:00:00+00:00")
    }

    func testDecodingNeedsTimestampAndAnObject() {
        XCTAssertNil(NetworkLogRecord.decode(line: #"{"method":"GET"}"#))
        XCTAssertNil(NetworkLogRecord.decode(line: "timestamp but no braces"))
        XCTAssertNil(NetworkLogRecord.decode(line: #"{"timestamp": broken}"#))
    }

    func testDecodingTakesTextBetweenFirstAndLastBrace() throws {
        let line = #"noise {"timestamp":"t","method":"GET","host":"h","path":"/","action":"BLOCK","durationMs":7} trailing"#
        let record = try XCTUnwrap(NetworkLogRecord.decode(line: line))
        XCTAssertEqual(record.action, .block)
        XCTAssertEqual(record.durationMs, 7)
    }

    func testOriginalProxysStringNullPathReadsAsNil() throws {
        let line = #"{"timestamp":"t","method":"CONNECT","host":"h","path":"null","action":"ALLOW","durationMs":0}"#
        XCTAssertNil(try XCTUnwrap(NetworkLogRecord.decode(line: line)).path)
    }

    func testDecodeAllSkipsLinesWithoutRecords() {
        let text = """
            {"timestamp":"t1","method":"GET","host":"a","path":"/","action":"ALLOW","durationMs":1}

            garbage
            {"timestamp":"t2","method":"CONNECT","host":"b","path":null,"action":"BLOCK","durationMs":0}

            """
        XCTAssertEqual(NetworkLogRecord.decodeAll(text).map(\.host), ["a", "b"])
    }

    func testDecodeAllAcceptsCRLFLineEndings() {
        let text = "{\"timestamp\":\"t1\",\"host\":\"a\"}\r\n{\"timestamp\":\"t2\",\"host\":\"b\"}\r\n"
        XCTAssertEqual(NetworkLogRecord.decodeAll(text).map(\.host), ["a", "b"])
    }

    func testSecurityEventRoundTripsAndDefaults() throws {
        let event = SecurityEventRecord(timestamp: "t", method: "GET", host: "x.com")
        XCTAssertEqual(SecurityEventRecord.decode(line: event.jsonLine()), event)
        let sparse = try XCTUnwrap(SecurityEventRecord.decode(line: #"{"timestamp":"t"}"#))
        XCTAssertEqual(sparse.type, "unknown")
        XCTAssertEqual(sparse.method, "UNKNOWN")
        XCTAssertEqual(sparse.host, "")
    }

    func testTimestampLooksLikeDateIseconds() {
        let stamp = ISOTimestamp.now()
        XCTAssertEqual(stamp.count, 25, stamp)
        let pattern = try! HostPattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$")
        XCTAssertTrue(pattern.matches(stamp), stamp)
    }

    func testTimestampFormatsEpochInUTC() {
        let saved = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", "UTC", 1)
        tzset()
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        XCTAssertEqual(ISOTimestamp.format(1_771_502_400), "2026-02-19T12:00:00+00:00")
    }
}
