import Foundation
import Isol8Core
import Isol8Flags
import XCTest
@testable import Isol8TUI

/// `:copy cli|curl|swift`: the knobs written out, flags named by the option catalog.
final class RunExportTests: XCTestCase {
    private func spec(_ commands: [String], eval: String = "print(input())") -> RunSpec {
        var flags = RunFlags()
        flags.eval = eval
        var state = Fixture.state(flags: flags)
        for command in commands { state.command(command) }
        XCTAssertNil(state.prompt?.error)
        return state.knobs.runSpec(id: 1)
    }

    func testTheCommandLineCarriesEveryChangedKnobWithItsCatalogFlag() {
        let spec = spec(["set memory 64m", "set timeout 5000", "set net filtered", "allow ^api\\.test$", "deny ^evil",
                         "set persist on", "stdin it's me", "secret TOKEN=hunter2", "set stream off"])
        let line = RunCommandLine.text(spec)
        XCTAssertEqual(line, #"isol8 run -e 'print(input())' --timeout 5000 --memory 64m --net filtered --persist "#
                       + #"--allow '^api\.test$' --deny '^evil' --secret "TOKEN=$TOKEN" --stdin 'it'\''s me' --no-stream"#)
        XCTAssertFalse(line.contains("hunter2"))
    }

    func testTheArgumentsReadBackAsTheSameKnobs() throws {
        let spec = spec(["set memory 64m", "set cpu 0.5", "set net filtered", "allow ^a$", "set pids 32", "stdin x"])
        let parsed = try RunOptions.parse(RunCommandLine.arguments(spec).arguments)
        let again = Fixture.knobs(parsed.flags, stream: !parsed.noStream).runSpec(id: 1)
        XCTAssertEqual(again.options.memoryLimit, "64m")
        XCTAssertEqual(again.options.cpuLimit, 0.5)
        XCTAssertEqual(again.options.pidsLimit, 32)
        XCTAssertEqual(again.options.networkFilter?.whitelist, ["^a$"])
        XCTAssertEqual(again.flags.stdin, "x")
        XCTAssertEqual(again.flags.eval, spec.flags.eval)
    }

    func testOptionsNoFlagCanSayAreNamedInAComment() {
        let line = RunCommandLine.text(spec(["set seccomp unconfined"]))
        XCTAssertTrue(line.hasSuffix("  # config only: security.seccomp=unconfined"), line)
    }

    func testTheCurlBodyIsTheRequestAndTheChangedOptions() throws {
        let spec = spec(["set memory 64m", "set net filtered", "deny ^evil", "secret TOKEN=hunter2"])
        let text = try RunExport.text(.curl, spec: spec, request: ExecutionRequest(runtime: .python, code: "print(input())"))
        XCTAssertFalse(text.contains("hunter2"))
        let quoted = try XCTUnwrap(text.components(separatedBy: "-d '").last?.dropLast())
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(quoted.utf8)) as? [String: Any])
        XCTAssertEqual((body["request"] as? [String: Any])?["code"] as? String, "print(input())")
        let options = try XCTUnwrap(body["options"] as? [String: Any])
        XCTAssertEqual(options["memoryLimit"] as? String, "64m")
        XCTAssertEqual(options["network"] as? String, "filtered")
        XCTAssertEqual((options["networkFilter"] as? [String: Any])?["blacklist"] as? [String], ["^evil"])
        XCTAssertNil(options["secrets"])
    }

    func testTheSwiftSnippetSetsTheOptionsAndDecodesTheRequest() throws {
        let spec = spec(["set memory 64m", "set net filtered", "allow ^a$", "set persistent on"])
        let text = try RunExport.text(.swift, spec: spec, request: ExecutionRequest(runtime: .python, code: "print(\"hi\")\n"))
        for expected in [#"options.memoryLimit = "64m""#, "options.network = .filtered", "options.mode = .persistent",
                         #"options.networkFilter = NetworkFilter(whitelist: ["^a$"], blacklist: [])"#,
                         #"Data("{\"code\":\"print(\\\"hi\\\")\\n\",\"runtime\":\"python\"}".utf8)"#] {
            XCTAssertTrue(text.contains(expected), "\(expected) not in:\n\(text)")
        }
    }

    func testOnAServerTargetTheSwiftSnippetUsesRemoteEngine() throws {
        let target = Target(name: "shared", kind: .server(url: "http://127.0.0.1:3000", key: "k", session: "s1"), origin: .config)
        let text = try RunExport.text(.swift, spec: spec([]), request: ExecutionRequest(runtime: .python, code: "print(1)"), target: target)
        XCTAssertTrue(text.contains(#"let engine = try RemoteEngine(host: "http://127.0.0.1:3000", apiKey: ProcessInfo.processInfo.environment["ISOL8_API_KEY"] ?? "", sessionId: "s1", options: options)"#), text)
        XCTAssertFalse(text.contains("DockerEngine"))
    }

    func testCopyNeedsAFormat() {
        var state = Fixture.state()
        state.command("copy")
        XCTAssertEqual(state.prompt?.error, "copy: say how: cli, curl or swift (then a file, or nothing for the clipboard)")
        state = Fixture.state()
        guard case .copyRun(_, .curl, "out.sh")? = state.command("copy curl out.sh").last else { return XCTFail("no copy") }
    }
}
