import Foundation
import XCTest
import Isol8TestSupport
import Isol8Core

/// `RemoteEngine` against a real server, with the same behaviour cases as `DockerEngine`.
final class RemoteEngineTests: SharedServerTestCase {
    func remote(sessionId: String? = nil, key: String = ServerProcess.apiKey) throws -> RemoteEngine {
        try RemoteEngine(host: server.baseURL + "/", apiKey: key, sessionId: sessionId)
    }

    func local(_ mode: Isol8Mode = .ephemeral) throws -> DockerEngine {
        var options = Isol8Options()
        options.mode = mode
        return try DockerEngine(options: options)
    }

    // MARK: shared cases, both engines

    func testBufferedExecutionLocal() async throws { try await EngineBehaviourCases.bufferedExecution(try local()) }
    func testBufferedExecutionRemote() async throws {
        let engine = try remote()
        try await engine.start()
        try await EngineBehaviourCases.bufferedExecution(engine)
    }

    func testStreamedExecutionLocal() async throws { try await EngineBehaviourCases.streamedExecution(try local()) }
    func testStreamedExecutionRemote() async throws { try await EngineBehaviourCases.streamedExecution(try remote()) }

    func testStreamedSetupPhaseLocal() async throws { try await EngineBehaviourCases.streamedSetupPhase(try local()) }
    func testStreamedSetupPhaseRemoteWebSocket() async throws { try await EngineBehaviourCases.streamedSetupPhase(try remote()) }
    func testStreamedSetupPhaseRemoteSSE() async throws {
        let proxy = try UpgradeRefusingProxy(upstreamPort: server.port)
        try await EngineBehaviourCases.streamedSetupPhase(try RemoteEngine(host: "http://127.0.0.1:\(proxy.port)", apiKey: ServerProcess.apiKey))
        XCTAssertEqual(proxy.refusedUpgrades, 1, "the stream fell back to SSE")
    }

    func testStreamedValidationErrorLocal() async throws { try await EngineBehaviourCases.streamedValidationError(try local()) }
    func testStreamedValidationErrorRemote() async throws { try await EngineBehaviourCases.streamedValidationError(try remote()) }

    func testFileRoundTripLocal() async throws {
        let engine = try local(.persistent)
        try await EngineBehaviourCases.fileRoundTrip(engine)
        await engine.stop()
    }

    func testFileRoundTripRemote() async throws {
        let engine = try remote(sessionId: "remote-files-\(UUID().uuidString.prefix(8))")
        try await EngineBehaviourCases.fileRoundTrip(engine)
        await engine.stop()
        let sessions = try await remote().listSessions()
        XCTAssertFalse(sessions.contains { $0.id == engine.sessionId }, "stop() deletes the named session")
    }

    // MARK: remote-only

    func testStreamsGoOverTheWebSocketAndKeepTheSession() async throws {
        let id = "remote-ws-\(UUID().uuidString.prefix(8))"
        let engine = try remote(sessionId: id)
        var stdout = ""
        for try await event in engine.executeStream(ExecutionRequest(runtime: .bash, cmd: "echo via-ws")) where event.type == .stdout {
            stdout += event.data
        }
        XCTAssertEqual(stdout, "via-ws\n")
        XCTAssertTrue(server.waitForOutput("[Server] WebSocket creating new session: \(id)"), "the stream used the WebSocket with its sessionId")
        let listed = try await engine.listSessions()
        XCTAssertTrue(listed.contains { $0.id == id })
        await engine.stop()
    }

    /// Stopping to listen closes the socket; the server then stops the run and removes
    /// the ephemeral container instead of letting it sleep on.
    func testCancelledWebSocketStreamStopsTheRemoteRun() async throws {
        let code = "import socket, time\nprint(socket.gethostname(), flush=True)\ntime.sleep(300)"
        var request = ExecutionRequest(runtime: .python, code: code)
        request.timeoutMs = 600_000  // so only the cancellation can end the run within the wait below
        let docker = try DockerClient.fromEnvironment()
        var hostname = ""
        for try await event in try remote().executeStream(request) where event.type == .stdout {
            hostname = event.data.trimmingCharacters(in: .whitespacesAndNewlines)
            let running = try await docker.inspectContainer(hostname)  // the hostname is the container id
            XCTAssertNotNil(running)
            break
        }
        XCTAssertFalse(hostname.isEmpty)
        try await docker.waitUntilRemoved(hostname)
    }

    /// Behind a proxy that refuses upgrades the first stream falls back to SSE, and
    /// later streams of the same engine go straight to SSE.
    func testRefusedUpgradeFallsBackToSSEForGood() async throws {
        let proxy = try UpgradeRefusingProxy(upstreamPort: server.port)
        let engine = try RemoteEngine(host: "http://127.0.0.1:\(proxy.port)", apiKey: ServerProcess.apiKey)
        for round in 1...2 {
            var events: [StreamEvent] = []
            for try await event in engine.executeStream(ExecutionRequest(runtime: .bash, cmd: "echo round \(round)")) { events.append(event) }
            XCTAssertEqual(events.filter { $0.type == .stdout }.map(\.data).joined(), "round \(round)\n")
            XCTAssertEqual(events.last, StreamEvent(.exit, "0"))
        }
        XCTAssertEqual(proxy.refusedUpgrades, 1, "only the first stream tries the WebSocket")
        let fresh = try RemoteEngine(host: "http://127.0.0.1:\(proxy.port)", apiKey: ServerProcess.apiKey)
        for try await _ in fresh.executeStream(ExecutionRequest(runtime: .bash, cmd: "true")) {}
        XCTAssertEqual(proxy.refusedUpgrades, 2, "the choice belongs to one engine, not the process")
    }

    func testSessionsAreListedAndDeleted() async throws {
        let id = "remote-list-\(UUID().uuidString.prefix(8))"
        let engine = try remote(sessionId: id)
        _ = try await engine.execute(ExecutionRequest(runtime: .bash, cmd: "true"))
        let listed = try await engine.listSessions()
        XCTAssertEqual(listed.first { $0.id == id }?.isActive, false)
        try await engine.deleteSession(id)
        let after = try await engine.listSessions()
        XCTAssertFalse(after.contains { $0.id == id })
        try await engine.deleteSession(id)
    }

    func testFilesWithoutASessionAreRefused() async throws {
        do {
            try await remote().putFile("/sandbox/a", Data())
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error as? RemoteError, .sessionRequired)
            XCTAssertEqual("\(error)", "File operations require a sessionId (persistent mode)")
        }
    }

    func testWrongKeyIsReportedAsRejected() async throws {
        do {
            _ = try await remote(key: "wrong").execute(ExecutionRequest(runtime: .python, code: "print(1)"))
            XCTFail("expected an error")
        } catch let error as RemoteError {
            XCTAssertEqual(error.status, 403)
            XCTAssertEqual(error.description, "Execution failed: Invalid API key. Check --key, ISOL8_API_KEY or `isol8 login`.")
        }
    }

    func testExecutionFailureCarriesTheServerMessage() async throws {
        var request = ExecutionRequest(runtime: .python, code: "print(1)")
        request.workdir = "/etc"
        do {
            _ = try await remote().execute(request)
            XCTFail("expected an error")
        } catch let error as RemoteError {
            XCTAssertEqual(error.status, 500)
            XCTAssertEqual(error.description, "Execution failed: \(Isol8Error.workdirEscape.description)")
        }
    }

    func testStartFailsClearlyWhenNothingListens() async throws {
        let host = "http://127.0.0.1:\(ServerProcess.freePort())"
        do {
            try await RemoteEngine(host: host, apiKey: "k").start()
            XCTFail("expected an error")
        } catch let error as RemoteError {
            guard case .unreachable(let reported, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(reported, host)
            XCTAssertTrue(error.description.contains("Cannot reach isol8 server at \(host)"))
        }
    }

    func testStartRejectsAServerThatIsNotIsol8() async throws {
        let stranger = try PlainHTTPServer(body: "hello")
        let engine = try RemoteEngine(host: "http://127.0.0.1:\(stranger.port)", apiKey: "k")
        do {
            try await engine.start()
            XCTFail("a server answering 200 \"hello\" is not an isol8 server")
        } catch {
            XCTAssertEqual(error as? RemoteError, .notAnIsol8Server(host: "http://127.0.0.1:\(stranger.port)"))
        }
    }

    func testInvalidHostIsRefused() {
        XCTAssertThrowsError(try RemoteEngine(host: "localhost:3000", apiKey: "k")) { error in
            XCTAssertEqual(error as? RemoteError, .invalidHost("localhost:3000"))
        }
    }
}
