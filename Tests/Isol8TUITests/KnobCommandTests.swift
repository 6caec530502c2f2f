import TerminalKit
import Isol8Core
import Logging
import XCTest
@testable import Isol8TUI

/// Every knob accepts its valid values (shown in the Config pane with source "tui") and
/// refuses invalid ones in place, with the reason, leaving the knobs as they were.
final class KnobCommandTests: XCTestCase {
    private func assertAccepted(_ command: String, key: String, value: String,
                                file: StaticString = #filePath, line: UInt = #line) {
        var state = Fixture.state()
        state.command(command)
        XCTAssertNil(state.prompt, "prompt should close after :\(command)", file: file, line: line)
        let entry = state.knobs.effective.entry(key)
        XCTAssertEqual(entry?.value, value, ":\(command)", file: file, line: line)
        XCTAssertEqual(entry?.source, .tui, ":\(command)", file: file, line: line)
        XCTAssertTrue(state.knobs.changed.contains(key), ":\(command)", file: file, line: line)
    }

    private func assertRefused(_ command: String, because reason: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        var state = Fixture.state()
        let before = state.knobs.snapshot
        state.command(command)
        guard let prompt = state.prompt else {
            return XCTFail(":\(command) was not refused", file: file, line: line)
        }
        XCTAssertEqual(prompt.input.text, command, "the refused text stays for fixing", file: file, line: line)
        XCTAssertTrue(prompt.error?.contains(reason) == true, "error \(prompt.error ?? "nil") lacks \(reason)",
                      file: file, line: line)
        XCTAssertEqual(state.knobs.snapshot, before, "knobs must not change", file: file, line: line)
        XCTAssertTrue(state.knobs.changed.isEmpty, file: file, line: line)
    }

    func testMemory() {
        assertAccepted("set memory 32m", key: "memoryLimit", value: "32m")
        assertAccepted("set memory 1G", key: "memoryLimit", value: "1g")
        assertRefused("set memory 3x", because: "Invalid memory limit format: \"3x\"")
        assertRefused("set memory 1m", because: "below the minimum")
        assertRefused("set memory", because: "give a value")
    }

    func testNetwork() {
        for mode in ["none", "host", "filtered"] { assertAccepted("set net \(mode)", key: "network", value: mode) }
        assertRefused("set net wifi", because: "use none, host or filtered")
    }

    func testTimeout() {
        assertAccepted("set timeout 5000", key: "timeoutMs", value: "5000")
        assertRefused("set timeout 0", because: "out of range; use 1 to")
        assertRefused("set timeout soon", because: "not a whole number of milliseconds")
    }

    func testCPU() {
        assertAccepted("set cpu 0.5", key: "cpuLimit", value: "0.5")
        assertAccepted("set cpu 2", key: "cpuLimit", value: "2")
        assertRefused("set cpu -1", because: "at least 0.01 CPU cores")
        assertRefused("set cpu lots", because: "not a number of CPU cores")
    }

    /// The bound comes from the real daemon's `NCPU`, probed the way the TUI probes its target.
    func testCPUBeyondTheDockerHostIsRefusedWithItsCPUCount() async throws {
        var state = Fixture.state()
        let health = await TargetHealth.probe(state.targets.current)
        let limits = try XCTUnwrap(health.limits, "the local daemon answers with its limits: \(health.failure ?? "")")
        state.send(.targetProbed(health))
        let before = state.knobs.snapshot
        state.command("set cpu 1000")
        let error = try XCTUnwrap(state.prompt?.error, ":set cpu 1000 was not refused")
        XCTAssertTrue(error.contains("the Docker host has \(limits.cpus) CPUs"), error)
        XCTAssertEqual(state.knobs.snapshot, before)
        var fresh = Fixture.state()
        fresh.send(.targetProbed(health))
        fresh.command("set cpu \(limits.cpus)")
        XCTAssertEqual(fresh.knobs.options.cpuLimit, Double(limits.cpus), "the host's own count is allowed")
    }

    /// `:install` and `isol8 run --install` go through the same RunPreparation, so the TUI's
    /// run reaches exactly the registries the CLI's does, and nothing else.
    func testInstallRestrictsTheNetworkExactlyAsTheCLIDoes() throws {
        var state = Fixture.state()
        state.command("install requests")
        let spec = state.knobs.runSpec(id: 1)
        let fromTUI = try RunPreparation.prepare(flags: spec.flags, effective: spec.effective, log: Logger.console("test")) { "" }

        var flags = Fixture.helloFlags
        flags.install = ["requests"]
        let fromCLI = try RunPreparation.prepare(flags: flags, effective: Fixture.knobs(flags).effective, log: Logger.console("test")) { "" }

        XCTAssertEqual(fromTUI.options.network, .filtered)
        XCTAssertEqual(fromTUI.options.networkFilter, fromCLI.options.networkFilter)
        XCTAssertEqual(fromTUI.options.networkFilter?.whitelist, [#"^pypi\.org$"#, #"^files\.pythonhosted\.org$"#])
        XCTAssertEqual(fromTUI.request.installPackages, ["requests"])
    }

    func testPids() {
        assertAccepted("set pids 16", key: "pidsLimit", value: "16")
        assertRefused("set pids 0", because: "out of range; use 1 to 32768 processes")
    }

    func testMaxOutput() {
        assertAccepted("set max-output 1024", key: "maxOutputSize", value: "1024")
        assertAccepted("set max-output 64k", key: "maxOutputSize", value: "65536")
        assertRefused("set max-output 0", because: "out of range; use 1 to 1g")
        assertRefused("set max-output many", because: "not a byte count")
    }

    func testSandboxAndTmpSizes() {
        assertAccepted("set sandbox-size 64m", key: "sandboxSize", value: "64m")
        assertAccepted("set tmp-size 16m", key: "tmpSize", value: "16m")
        assertRefused("set sandbox-size big", because: "Invalid memory limit format: \"big\"")
        assertRefused("set tmp-size 0", because: "below the minimum")
    }

    func testSwitches() {
        assertAccepted("set persist on", key: "persist", value: "true")
        assertAccepted("set persistent on", key: "mode", value: "persistent")
        assertAccepted("set stream off", key: "stream", value: "off")
        assertAccepted("set debug on", key: "debug", value: "true")
        assertAccepted("set log-network on", key: "logNetwork", value: "true")
        for knob in ["persist", "persistent", "stream", "debug", "log-network"] {
            assertRefused("set \(knob) maybe", because: "use on or off")
        }
    }

    func testImageAndRuntime() {
        assertAccepted("set image isol8:node", key: "image", value: "isol8:node")
        assertAccepted("set image default", key: "image", value: "(none)")
        assertRefused("set image not an image", because: "not an image reference")
        assertAccepted("set runtime node", key: "runtime", value: "node")
        assertRefused("set runtime cobol", because: "not a runtime")
    }

    func testUnknownKnobAndCommand() {
        assertRefused("set colour blue", because: "unknown knob")
        assertRefused("frobnicate", because: "unknown command")
    }

    func testAllowAndDenyTakeValidExtendedRegexOnly() {
        assertAccepted(#"allow ^api\.example\.com$"#, key: "networkFilter.whitelist", value: #"^api\.example\.com$"#)
        assertAccepted("deny (ads|tracker)[.]net", key: "networkFilter.blacklist", value: "(ads|tracker)[.]net")
        assertRefused("allow (unclosed", because: "Invalid network filter pattern: \"(unclosed\"")
        assertRefused("deny a{2,1}", because: "Invalid network filter pattern")
        assertRefused("allow", because: "give a host pattern")
    }

    func testFilterListsReachTheEngineOptionsAndCanBeEmptied() {
        var state = Fixture.state()
        state.command("allow ^a$")
        state.command("allow ^b$")
        state.command("deny ^c$")
        XCTAssertEqual(state.knobs.options.networkFilter, NetworkFilter(whitelist: ["^a$", "^b$"], blacklist: ["^c$"]))
        state.command("unallow ^a$")
        XCTAssertEqual(state.knobs.options.networkFilter?.whitelist, ["^b$"])
        state.command("unallow ^zzz$")
        XCTAssertTrue(state.prompt?.error?.contains("not in the allow list") == true)
        state.press("esc")
        state.command("unallow")
        state.command("undeny")
        XCTAssertNil(state.knobs.options.networkFilter)
        XCTAssertEqual(state.knobs.effective.entry("networkFilter.whitelist")?.value, "(none)")
    }

    func testInstallSwitchesADefaultNetworkToFiltered() {
        var state = Fixture.state()
        state.command("install requests")
        XCTAssertEqual(state.knobs.flags.install, ["requests"])
        XCTAssertEqual(state.knobs.effective.entry("installPackages")?.value, "requests")
        XCTAssertEqual(state.knobs.options.network, .filtered)
        assertRefused("install a;rm", because: "Invalid package name")

        var chosen = Fixture.state()
        chosen.command("set net host")
        chosen.command("install requests")
        XCTAssertEqual(chosen.knobs.options.network, .host, "a network the user chose stays")
        chosen.command("uninstall requests")
        XCTAssertEqual(chosen.knobs.flags.install, [])
    }

    func testSecretValueIsNeverShown() {
        var state = Fixture.state()
        state.command("secret TOKEN=hunter2")
        XCTAssertEqual(state.knobs.options.secrets, ["TOKEN": "hunter2"])
        XCTAssertEqual(state.knobs.effective.entry("secrets")?.value, "TOKEN (values hidden)")
        state.focus.focus(.config)
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            state.size = size
            XCTAssertFalse(state.screen.joined().contains("hunter2"), "secret shown at \(size)")
        }
        state.press(":", "up")
        XCTAssertFalse(state.prompt?.input.text.contains("hunter2") ?? true, "a secret must not come back from prompt history")
        state.press("esc")
        assertRefused("secret TOKEN", because: "KEY=VALUE")
        assertRefused("secret 1X=y", because: "not an environment variable name")
        assertRefused("secret TOKEN=", because: "needs a value")
    }

    func testStdinSetsAndClears() {
        assertAccepted("stdin hello world", key: "stdin", value: "11 bytes: hello world")
        var state = Fixture.state()
        state.command("stdin ping")
        XCTAssertEqual(state.knobs.flags.stdin, "ping")
        state.command("stdin")
        XCTAssertNil(state.knobs.flags.stdin)
    }

    func testChangedKnobsReachTheNextRunSpec() {
        var state = Fixture.state()
        state.command("set memory 32m")
        state.command("set timeout 5000")
        state.command("set stream off")
        state.command("stdin data")
        guard let spec = startedSpec(state.press("r")) else { return }
        XCTAssertEqual(spec.options.memoryLimit, "32m")
        XCTAssertEqual(spec.options.timeoutMs, 5000)
        XCTAssertFalse(spec.stream)
        XCTAssertEqual(spec.flags.stdin, "data")
        XCTAssertEqual(spec.flags.file, "examples/hello.py")
    }

    func testTurningPersistentOffReleasesTheKeptEngine() {
        var state = Fixture.state()
        XCTAssertEqual(state.command("set persistent on"), [])
        XCTAssertEqual(state.command("set persistent off"), [.releasePersistentEngine])
    }

    func testTabCompletesCommandsKnobsAndValues() {
        var state = Fixture.state()
        state.press(":")
        state.type("se", enter: false)
        state.press("tab")
        XCTAssertEqual(state.prompt?.candidates, ["set", "secret"])
        state.type("t", enter: false)
        state.press("tab")
        XCTAssertEqual(state.prompt?.input.text, "set ")
        state.type("me", enter: false)
        state.press("tab")
        XCTAssertEqual(state.prompt?.input.text, "set memory ")
        state.press("ctrl-u")
        state.type("set net ", enter: false)
        state.press("tab")
        XCTAssertEqual(state.prompt?.candidates, ["none", "host", "filtered"])
        state.type("f", enter: false)
        state.press("tab")
        XCTAssertEqual(state.prompt?.input.text, "set net filtered")
        state.press("enter")
        XCTAssertEqual(state.knobs.options.network, .filtered)
    }

    func testPromptHistoryRecallsEarlierCommands() {
        var state = Fixture.state()
        state.command("set memory 64m")
        state.press(":", "up")
        XCTAssertEqual(state.prompt?.input.text, "set memory 64m")
    }
}
