import Foundation
import XCTest
import Isol8Core

/// Behaviour every `Isol8Engine` must share, run against the local `DockerEngine` and a
/// `RemoteEngine` talking to a real server, so the remote path cannot drift.
enum EngineBehaviourCases {
    static func bufferedExecution(_ engine: any Isol8Engine) async throws {
        let ok = try await engine.execute(ExecutionRequest(runtime: .python, code: "print('hello')"))
        XCTAssertEqual(ok.stdout, "hello")
        XCTAssertEqual(ok.exitCode, 0)
        XCTAssertEqual(ok.runtime, .python)
        XCTAssertNotNil(ok.containerId)
        var failing = ExecutionRequest(runtime: .bash, cmd: "echo oops >&2; exit 3")
        failing.env = ["UNUSED": "1"]
        let failed = try await engine.execute(failing)
        XCTAssertEqual(failed.exitCode, 3)
        XCTAssertEqual(failed.stderr, "oops")
        var withStdin = ExecutionRequest(runtime: .python, code: "import sys; print(sys.stdin.read().upper())")
        withStdin.stdin = "piped"
        let piped = try await engine.execute(withStdin)
        XCTAssertEqual(piped.stdout, "PIPED")
    }

    static func streamedExecution(_ engine: any Isol8Engine) async throws {
        let code = "import sys\nprint('out', flush=True)\nprint('err', file=sys.stderr, flush=True)\nsys.exit(2)"
        var events: [StreamEvent] = []
        for try await event in engine.executeStream(ExecutionRequest(runtime: .python, code: code)) { events.append(event) }
        XCTAssertEqual(events.filter { $0.type == .stdout }.map(\.data).joined(), "out\n")
        XCTAssertEqual(events.filter { $0.type == .stderr }.map(\.data).joined(), "err\n")
        XCTAssertEqual(events.last, StreamEvent(.exit, "2"))
    }

    /// A setup script's phase ends with its own `exit` event (phase `setup`, code 0) before
    /// the code's events, so a client can tell a finished setup from one still running.
    static func streamedSetupPhase(_ engine: any Isol8Engine) async throws {
        var request = ExecutionRequest(runtime: .bash, cmd: "echo code")
        request.setupScript = "echo setup"
        var events: [StreamEvent] = []
        for try await event in engine.executeStream(request) { events.append(event) }
        let setupExit = StreamEvent(.exit, "0", phase: .setup)
        let split = try XCTUnwrap(events.firstIndex(of: setupExit), "no setup exit event in \(events)")
        let setup = events[..<split], code = events[(split + 1)...]
        XCTAssertEqual(setup.map(\.data).joined(), "setup\n")
        XCTAssertTrue(setup.allSatisfy { $0.phase == .setup && $0.type == .stdout }, "\(events)")
        XCTAssertEqual(code.filter { $0.type == .stdout }.map(\.data).joined(), "code\n")
        XCTAssertTrue(code.allSatisfy { $0.phase == .code }, "\(events)")
        XCTAssertEqual(code.last, StreamEvent(.exit, "0"))
    }

    /// A validation failure ends the stream with the engine's message: thrown locally,
    /// an `error` event remotely (the server's error frame); both carry the same text.
    static func streamedValidationError(_ engine: any Isol8Engine) async throws {
        var request = ExecutionRequest(runtime: .python, code: "print(1)")
        request.cmd = "echo 1"
        var messages: [String] = []
        do {
            for try await event in engine.executeStream(request) where event.type == .error { messages.append(event.data) }
        } catch {
            messages.append(WireJSON.message(of: error))
        }
        XCTAssertEqual(messages, [Isol8Error.sourcesExclusive.description])
    }

    /// Needs a persistent engine (a session, remotely).
    static func fileRoundTrip(_ engine: any Isol8Engine) async throws {
        _ = try await engine.execute(ExecutionRequest(runtime: .bash, cmd: "echo start > /sandbox/start.txt"))
        let bytes = Data((0..<256).map { UInt8($0) }.reversed())
        try await engine.putFile("/sandbox/data.bin", bytes)
        let back = try await engine.getFile("/sandbox/data.bin")
        XCTAssertEqual(back, bytes)
        let size = try await engine.execute(ExecutionRequest(runtime: .bash, cmd: "stat -c %s /sandbox/data.bin; cat /sandbox/start.txt"))
        XCTAssertEqual(size.stdout, "256\nstart")
        do {
            _ = try await engine.getFile("/sandbox/missing.txt")
            XCTFail("a missing file must throw")
        } catch {
            XCTAssertFalse(WireJSON.message(of: error).isEmpty)
        }
    }
}
