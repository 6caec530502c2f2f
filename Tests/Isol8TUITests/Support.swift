import Foundation
import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// Builds states and drives the reducer the way the loop does, without a terminal.
enum Fixture {
    /// A fixed clock so durations and spinners are deterministic.
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    /// Knobs from an empty config (no file, no environment) plus `flags`.
    static func knobs(_ flags: RunFlags = Fixture.helloFlags, stream: Bool = true) -> KnobState {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-tui-empty-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let loaded = try! ConfigLoader(directory: empty, home: empty).load()
        let effective = try! EffectiveConfig.resolve(loaded, flags: flags, environment: [:])
        return KnobState(effective: effective, flags: flags, stream: stream)
    }

    static var helloFlags: RunFlags {
        var flags = RunFlags()
        flags.file = "examples/hello.py"
        return flags
    }

    static let helloCode = """
        import platform
        import sys

        print("hello from the isol8 sandbox")
        print(f"python {platform.python_version()} on {platform.machine()}")
        print("this line goes to stderr", file=sys.stderr)
        """

    /// A state at `size` with hello.py loaded and Docker ready.
    static func state(_ size: Size = Size(width: 80, height: 24), flags: RunFlags = Fixture.helloFlags,
                      stream: Bool = true) -> AppState {
        let knobs = knobs(flags, stream: stream)
        var state = AppState(knobs: knobs, code: CodeState(flags: flags, runtime: knobs.runtime), size: size, now: start)
        _ = update(&state, .targetProbed(TargetHealth(target: state.targets.current, version: "Docker 20.10.24 (API 1.41)")))
        if let path = flags.file { _ = update(&state, .codeLoaded(path: path, text: helloCode)) }
        return state
    }
}

extension AppState {
    /// Applies actions in order and returns every effect they asked for.
    @discardableResult
    mutating func send(_ actions: Action...) -> [Effect] {
        actions.flatMap { update(&self, $0) }
    }

    /// Presses keys given as specs (`"r"`, `"ctrl-c"`, `"enter"`).
    @discardableResult
    mutating func press(_ specs: String...) -> [Effect] {
        specs.flatMap { update(&self, .key(try! KeyEvent(spec: $0))) }
    }

    /// Types `text` character by character, then Enter.
    @discardableResult
    mutating func type(_ text: String, enter: Bool = true) -> [Effect] {
        var effects = text.flatMap { update(&self, .key(.char($0))) }
        if enter { effects += update(&self, .key(.enter)) }
        return effects
    }

    /// Runs a `:` command through the prompt as a user would.
    @discardableResult
    mutating func command(_ text: String) -> [Effect] {
        press(":") + type(text)
    }

    /// Moves the clock on by `seconds`.
    @discardableResult
    mutating func advance(_ seconds: TimeInterval) -> [Effect] {
        update(&self, .tick(now.addingTimeInterval(seconds)))
    }

    /// The prompt on top of the focus stack, if any.
    var prompt: PromptState? {
        if case .prompt(let prompt)? = focus.overlays.last { return prompt }
        return nil
    }

    /// The screen as text rows.
    var screen: [String] { AppView.render(self).canvas.rows }

    /// The text of the output pane's lines.
    var outputTexts: [String] { output.buffer.map(\.text) }
}

/// The run spec inside a `.startRun` effect.
func startedSpec(_ effects: [Effect], file: StaticString = #filePath, line: UInt = #line) -> RunSpec? {
    for effect in effects { if case .startRun(let spec) = effect { return spec } }
    XCTFail("no .startRun in \(effects)", file: file, line: line)
    return nil
}
