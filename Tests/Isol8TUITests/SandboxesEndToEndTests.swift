import Foundation
import Isol8Core
import Isol8Server
import Isol8TestSupport
import XCTest

/// The Sandboxes list in the real `isol8-tui` (tmux) against the real daemon and a real
/// `isol8 serve` on loopback. Each test looks only at the sandboxes it made itself (found by
/// id, name or session id), since other tests create and remove isol8 containers meanwhile.
final class SandboxesEndToEndTests: XCTestCase {
    private var server: HelperProcess?

    override func tearDown() {
        server?.stop()
    }

    private func tui(_ arguments: String) throws -> TmuxSession {
        try TmuxSession("\(BuiltProduct.path("isol8-tui")) \(arguments)", width: 160, height: 40,
                        directory: BuiltProduct.repositoryRoot, in: self)
    }

    /// Removes the container when the test ends, however it ends.
    private func removeAtEnd(_ id: String) {
        addTeardownBlock { try? await DockerClient.fromEnvironment().removeContainer(id, force: true) }
    }

    /// Opens the list and narrows it to rows matching `filter`.
    private func openList(_ session: TmuxSession, filter: String) throws {
        try session.waitFor("the first frame with the target answering") { $0.first.map { !$0.isEmpty && !$0.contains("connecting") } ?? false }
        try session.press("s")
        try session.waitFor(text: "Sandboxes on")
        try session.press("/")
        try session.type(filter)
        try session.press("Enter")
    }

    func testAPersistedRunPrintsItsIdAndTheAttachCommandOnStderrAndTheListShowsAndRemovesIt() async throws {
        let run = try CLI.run(["run", "--persist", "-e", #"open("/sandbox/x","w").write("42")"#])
        let id = try XCTUnwrap(run.stderr.firstMatch(of: #/\[Run\] Container kept running: ([0-9a-f]{64})/#).map { String($0.1) },
                               "the id on stderr: \(run.stderr)")
        removeAtEnd(id)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "", "stdout stays the program's output alone")
        XCTAssertTrue(run.stderr.contains("[Run] Attach with: isol8-tui --attach \(id.prefix(12))\n"), run.stderr)

        let session = try tui("examples/hello.py")
        try openList(session, filter: String(id.prefix(12)))
        try session.waitFor("the persisted container as the one row left by the filter") { rows in
            rows.contains { Self.oneShown($0) && $0.contains("filter: \(id.prefix(12))") }
                && rows.contains { $0.contains(id.prefix(12)) && $0.contains("python") && $0.contains("running") && $0.contains("persisted") }
                && rows.contains { $0.contains("id       \(id.prefix(36))") }
        }
        try session.press("d")
        try session.waitFor("the confirmation") { rows in rows.contains { $0.contains("Remove ") } && rows.contains { $0.contains("Cancel") } }
        try session.press("Enter")  // Cancel is the default
        try session.waitFor("the dialog gone and the container still listed") { rows in
            !rows.contains { $0.contains("Cancel") } && rows.contains { $0.contains(id.prefix(12)) && $0.contains("running") }
        }
        let stillRunning = try await DockerClient.fromEnvironment().inspectContainer(id).State?.Running
        XCTAssertEqual(stillRunning, true, "Cancel removed nothing")
        try session.press("D")
        try session.waitFor("the confirmation for all persisted sandboxes in the list") { rows in
            rows.contains { $0.contains("Remove all 1 persisted") } && rows.contains { $0.contains("Cancel") }
        }
        try session.press("r")
        try session.waitFor("the list without it") { rows in
            rows.contains { $0.contains("removed 1 persisted sandboxes") } && rows.contains { $0.contains("filter: \(id.prefix(12))") && $0.contains("┃0 ") }
        }
        try await DockerClient.fromEnvironment().waitUntilRemoved(id)
        // Esc and q apart: sent together they would read as Alt-q.
        try session.press("Escape")
        try session.waitFor("the list to close") { !$0.contains { $0.contains("Sandboxes on") } }
        try session.press("q")
        try session.waitForEnd()
    }

    func testAttachStartsOnAPersistedContainerRunsInItAndSaysWhenItIsKilled() async throws {
        // GREETING says nothing of being a secret: only the engine's label can tell.
        let run = try CLI.run(["run", "--persist", "--secret", "GREETING=hunter2", "-e", #"open("/sandbox/x","w").write("42")"#])
        let id = try XCTUnwrap(run.stderr.firstMatch(of: #/Container kept running: ([0-9a-f]{64})/#).map { String($0.1) }, run.stderr)
        removeAtEnd(id)
        let session = try tui("--attach \(id.prefix(12)) -e 'print(\"x is\", open(\"/sandbox/x\").read())'")
        try session.waitFor("the header to name the attached container") { $0.first?.contains("attached ") == true && $0.first?.contains("(\(id.prefix(12)))") == true }
        try session.press("r")
        try session.waitFor("the run to read the file the persisted run wrote") { rows in
            rows.contains { $0.contains("x is 42") } && rows.contains { $0.contains("run #1: exit 0") }
        }
        try command(session, "exec cat /sandbox/x")
        try session.waitFor("the command's output in the Output pane") { rows in
            rows.contains { $0.contains("┃42 ") } && rows.contains { $0.contains("run #2: exit 0") }
        }
        try session.press("7")
        try session.waitFor("History to keep it as run #2") { $0.contains { $0.contains("exec cat") } }
        // A process the sandbox user leaves behind, to see whose name the process table gives it.
        try command(session, "exec sleep 321 >/dev/null 2>&1 &")
        try session.waitFor(text: "run #3: exit 0")
        try session.press("4", "Enter")
        try session.waitFor("the processes with the container's own user names, and the environment") { rows in
            rows.contains { $0.contains("USER") && $0.contains("PID") && $0.contains("COMMAND") }
                && rows.contains { $0.contains("sandbox") && $0.contains("sleep 321") }
                && rows.contains { $0.contains("root") && $0.contains("sleep infinity") }
                && rows.contains { $0.contains("environment") } && rows.contains { $0.contains("PATH=") }
                && rows.contains { $0.contains("GREETING=••••••") } && !rows.contains { $0.contains("hunter2") }
        }
        try session.press("Enter")
        try await DockerClient.fromEnvironment().killContainer(id)
        try session.waitFor("the status line to say the attached container stopped") { rows in
            rows.contains { $0.contains("the attached sandbox ") && $0.contains("(\(id.prefix(12))) stopped") }
        }
        try session.press("q")
        try session.waitForEnd()
    }

    func testFilesOfAnAttachedContainerAreBrowsedViewedDownloadedAndUploaded() throws {
        let run = try CLI.run(["run", "--persist", "-e", #"open("/sandbox/x","w").write("42"); open("/sandbox/bin","wb").write(bytes(range(40)))"#])
        let id = try XCTUnwrap(run.stderr.firstMatch(of: #/Container kept running: ([0-9a-f]{64})/#).map { String($0.1) }, run.stderr)
        removeAtEnd(id)
        let session = try tui("--attach \(id.prefix(12)) examples/hello.py")
        try session.waitFor("the header to name the attached container") { $0.first?.contains("(\(id.prefix(12)))") == true }
        try command(session, "files")
        let listed = try session.waitFor("the tree with x") { rows in rows.contains { $0.contains("Files of") } && rows.contains { $0.hasSuffix(" /sandbox/x ┃") || $0.contains(" /sandbox/x ") } }
        let first = try XCTUnwrap(listed.firstIndex { $0.contains("Files of") }) + 1
        let row = try XCTUnwrap(listed.firstIndex { $0.contains(" /sandbox/x ") })
        for _ in 0..<(row - first) { try session.press("Down") }
        try session.press("Enter")
        try session.waitFor("the viewer with the file's text") { rows in
            rows.contains { $0.contains("File /sandbox/x") } && rows.contains { $0.contains("┃42 ") }
        }
        try session.press("Escape")
        try session.waitFor("the tree again") { $0.contains { $0.contains("Files of") } }
        try session.press("Escape")
        try session.waitFor("the overlay closed") { !$0.contains { $0.contains("Files of") } }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tui-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let upload = directory.appendingPathComponent("up.bin"), back = directory.appendingPathComponent("back.bin")
        let bytes = Data((0...255).map(UInt8.init).reversed())
        try bytes.write(to: upload)
        try command(session, "upload \(upload.path) /sandbox/in/up.bin")
        try session.waitFor("the upload done") { $0.contains { $0.contains("uploaded") && $0.contains("(256 bytes)") } }
        try command(session, "download /sandbox/in/up.bin \(back.path)")
        try session.waitFor("the download done") { $0.contains { $0.contains("downloaded /sandbox/in/up.bin") } }
        XCTAssertEqual(try Data(contentsOf: back), bytes, "bytes exact both ways")
        try command(session, "download /dev/zero \(back.path)")
        try session.waitFor("a refusal naming the path") { $0.contains { $0.contains("cannot download /dev/zero") } }
        try session.press("q")
        try session.waitForEnd()
    }

    func testAttachingToAnUnknownSandboxSaysSoAndTheScreenStays() throws {
        let session = try tui("--attach no-such-sandbox-\(UUID().uuidString.prefix(6)) examples/hello.py")
        try session.waitFor("the status line to name the missing sandbox") { rows in
            rows.contains { $0.contains("attach: no sandbox \"no-such-sandbox-") && $0.contains(":sandboxes lists them") }
        }
        try session.press("r")
        try session.waitFor("a normal run afterwards") { $0.contains { $0.contains("run #1: exit 0") } }
        try session.press("q")
        try session.waitForEnd()
    }

    func testAContainerMadeWithTheBareEngineAPIIsListedAndItsDeathShowsByEvent() async throws {
        let client = try DockerClient.fromEnvironment()
        let name = "sbx-e2e-\(UUID().uuidString.prefix(8).lowercased())"
        let id = try await client.createContainer(ContainerSpec(image: "isol8:python", cmd: ["sleep", "infinity"]), name: name)
        removeAtEnd(id)
        try await client.startContainer(id)

        let session = try tui(#"-e 'import socket; print("in", socket.gethostname())'"#)
        try openList(session, filter: name)
        try session.waitFor("the unlabelled container, its runtime taken from the image") { rows in
            rows.contains { $0.contains(id.prefix(12)) && $0.contains(name) && $0.contains("python") && $0.contains("running") && $0.contains("other") }
        }
        try session.press("Enter")
        try session.waitFor("the header to name the attached container") { $0.first?.contains("attached \(name) (\(id.prefix(12)))") ?? false }
        try session.press("r")
        // A container's hostname is its short id: the code ran in this container, not a new one.
        try session.waitFor("run #1 inside it") { rows in
            rows.contains { $0.contains("in \(id.prefix(12))") } && rows.contains { $0.contains("run #1: exit 0") }
        }
        try session.press("s")
        try session.waitFor("the list, which keeps its filter") { $0.contains { Self.oneShown($0) && $0.contains("filter: \(name)") } }
        try await client.killContainer(id)
        try session.waitFor("the daemon's die event to relist it as exited") { rows in
            rows.contains { $0.contains(id.prefix(12)) && $0.contains("exited") }
        }
        try await client.removeContainer(id, force: true)
        try session.waitFor("the destroy event to drop it") { rows in
            rows.contains { ($0.contains("┃0 of ") || $0.contains("┃0 sandboxes")) && $0.contains("filter: \(name)") } && !rows.dropFirst().dropLast(2).contains { $0.contains(id.prefix(12)) }  // the list, not header or status
        }
        try session.press("Escape")
        try session.waitFor("the list closed and the header saying the attached container is gone") { rows in
            (rows.first?.contains("attached \(name) (\(id.prefix(12))) (removed)") ?? false) && !rows.contains { $0.contains("Sandboxes on") }
        }
        try session.press("r")
        try session.waitFor("r to refuse with a message while the UI stays") { rows in
            rows.contains { $0.contains("the attached sandbox \(name) (\(id.prefix(12))) was removed; :sandboxes attaches to another") }
        }
        try session.press("q")
        try session.waitForEnd()
    }

    func testASessionMadeWithCurlIsListedWithItsPruneDeadlineAttachedAndRemoved() async throws {
        let key = "sandboxes-\(UUID().uuidString.prefix(8))"
        let url = try startServer(key: key, config: #"{"cleanup": {"maxContainerAgeMs": 600000}}"#)
        let sessionID = "curl-session-\(UUID().uuidString.prefix(6).lowercased())"
        let created = try curl(["-X", "POST", "\(url)/execute", "-H", "Authorization: Bearer \(key)", "-H", "Content-Type: application/json",
                                "-d", #"{"request":{"runtime":"python","code":"open('/sandbox/from-curl','w').write('curl was here'); print(6*7)"},"sessionId":"\#(sessionID)"}"#])
        XCTAssertTrue(created.contains("42"), created)
        addTeardownBlock { _ = try? self.curl(["-X", "DELETE", "\(url)/session/\(sessionID)", "-H", "Authorization: Bearer \(key)"]) }

        // The API addition: pruneAt is lastAccessedAt plus cleanup.maxContainerAgeMs.
        let listing = try curl(["\(url)/sessions", "-H", "Authorization: Bearer \(key)"])
        let sessions = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [String: Any])["sessions"] as? [[String: Any]]
        let entry = try XCTUnwrap(sessions?.first { $0["id"] as? String == sessionID }, listing)
        let lastUsed = try XCTUnwrap(WireJSON.date(fromISO: entry["lastAccessedAt"] as? String ?? ""), listing)
        let pruneAt = try XCTUnwrap(WireJSON.date(fromISO: entry["pruneAt"] as? String ?? ""), listing)
        XCTAssertEqual(pruneAt.timeIntervalSince(lastUsed), 600, accuracy: 0.001, listing)
        XCTAssertNotNil(entry["createdAt"] as? String, listing)

        let session = try tui("--host \(url) --key \(key) -e 'print(open(\"/sandbox/from-curl\").read())'")
        try openList(session, filter: sessionID)
        try session.waitFor("the idle session with its prune deadline, about ten minutes away") { rows in
            rows.contains { $0.contains("SESSION") && $0.contains("PRUNED IN") }
                && rows.contains { $0.contains(sessionID) && $0.contains("idle") && $0.contains(#/ (9m[0-5]\d|10m00)s/#) }
                && rows.contains { $0.contains("pruned   at ") }
        }
        try session.press("Enter")
        try session.waitFor("the header to name the attached session") { $0.first?.contains("attached \(sessionID)") ?? false }
        try session.press("r")
        try session.waitFor("the run in the session to read the file the curl run left") { rows in
            rows.contains { $0.contains("curl was here") } && rows.contains { $0.contains("run #1: exit 0") }
        }
        // Files of the session, through the server's routes: bytes exact both ways.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tui-session-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let upload = directory.appendingPathComponent("up.bin"), back = directory.appendingPathComponent("back.bin")
        let bytes = Data((0...255).map(UInt8.init))
        try bytes.write(to: upload)
        try command(session, "upload \(upload.path) /sandbox/up.bin")
        try session.waitFor("the upload done") { $0.contains { $0.contains("uploaded") && $0.contains("(256 bytes)") } }
        try command(session, "download /sandbox/up.bin \(back.path)")
        try session.waitFor("the download done") { $0.contains { $0.contains("downloaded /sandbox/up.bin") } }
        XCTAssertEqual(try Data(contentsOf: back), bytes)
        try command(session, "files")
        try session.waitFor("the session's tree") { rows in rows.contains { $0.contains("Files of") } && rows.contains { $0.contains(" /sandbox/from-curl") } }
        try session.press("Escape")
        try session.waitFor("the overlay closed") { !$0.contains { $0.contains("Files of") } }
        try session.press("q")
        try session.waitForEnd()
        let after = try curl(["\(url)/sessions", "-H", "Authorization: Bearer \(key)"])
        XCTAssertTrue(after.contains(sessionID), "quitting leaves the attached session on the server: \(after)")

        let again = try tui("--host \(url) --key \(key) examples/hello.py")
        try openList(again, filter: sessionID)
        try again.waitFor(text: sessionID)
        try again.press("d")
        try again.waitFor("the confirmation") { rows in rows.contains { $0.contains("Remove \(sessionID)") } && rows.contains { $0.contains("Cancel") } }
        try again.press("r")
        try again.waitFor("the list without the session") { rows in
            rows.contains { $0.contains("removed \(sessionID)") } && rows.contains { $0.contains("┃0 ") && $0.contains("filter: \(sessionID)") }
        }
        let gone = try curl(["\(url)/sessions", "-H", "Authorization: Bearer \(key)"])
        XCTAssertFalse(gone.contains(sessionID), "DELETE /session removed it: \(gone)")
        try again.press("Escape")
        try again.waitFor("the list to close") { !$0.contains { $0.contains("Sandboxes on") } }
        try again.press("q")
        try again.waitForEnd()
    }

    /// The list's summary row when the filter leaves one sandbox (other tests' containers may be counted too).
    private static func oneShown(_ row: String) -> Bool { row.contains("┃1 sandbox ·") || row.contains("┃1 of ") }

    /// Types a `:` command and applies it.
    private func command(_ session: TmuxSession, _ text: String) throws {
        try session.press(":")
        try session.type(text)
        try session.press("Enter")
    }

    /// A real `isol8 serve` on a free loopback port with `config` as its isol8.config.json.
    private func startServer(key: String, config: String) throws -> String {
        let port = try XCTUnwrap(PortResolver.freePort(host: "127.0.0.1"))
        let url = "http://127.0.0.1:\(port)"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandboxes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try config.write(to: directory.appendingPathComponent("isol8.config.json"), atomically: true, encoding: .utf8)
        let server = try HelperProcess([BuiltProduct.path("isol8"), "serve", "--port", String(port), "--key", key, "--bind", "127.0.0.1"],
                                       directory: directory.path,
                                       environment: ProcessInfo.processInfo.environment.merging(["HOME": directory.path]) { $1 })
        self.server = server
        try Poll.until("isol8 serve to answer at \(url)", look: { () -> (String, Int32?) in
            ((try? curl(["\(url)/health"])) ?? "", server.exitStatus)
        }, holds: { health, exited in
            if let exited { throw Spawn.Failed(argv: server.argv, reason: "exited \(exited): \(server.errors)") }
            return health.contains("ok")
        })
        return url
    }

    private func curl(_ arguments: [String]) throws -> String {
        try CLI.run(["-s", "--max-time", "30"] + arguments, executable: "/usr/bin/curl").stdout
    }
}

/// Runs `isol8` (or another program) to completion and keeps both of its streams apart.
enum CLI {
    static func run(_ arguments: [String], executable: String = BuiltProduct.path("isol8")) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: BuiltProduct.repositoryRoot)
        // stderr goes to a file so that neither stream can fill its pipe and stall the program.
        let errorsPath = FileManager.default.temporaryDirectory.appendingPathComponent("cli-stderr-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: errorsPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorsPath) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: errorsPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = FileManager.default.contents(atPath: errorsPath) ?? Data()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
